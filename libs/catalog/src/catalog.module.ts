import { Module } from '@nestjs/common';
import { CustomerPriceController } from './customer-price/customer-price.controller';
import { CustomerPriceService } from './customer-price/customer-price.service';
import { AccountPriceListService } from './price-list/account-price-list.service';
import { AccountPriceListController, PriceListController } from './price-list/price-list.controller';
import { PriceListService } from './price-list/price-list.service';
import { CatalogPricing } from './pricing/catalog-pricing';
import { PriceQuoteService } from './pricing/price-quote.service';
import { ProductController } from './product/product.controller';
import { ProductService } from './product/product.service';
import { UnitController } from './unit/unit.controller';
import { VatRateController } from './vat-rate/vat-rate.controller';
import { VatRateService } from './vat-rate/vat-rate.service';

/** HTTP side of the catalog, and CatalogPricing for the modules that put products on document lines. */
@Module({
  controllers: [VatRateController, UnitController, ProductController, PriceListController, AccountPriceListController, CustomerPriceController],
  providers: [VatRateService, ProductService, PriceListService, AccountPriceListService, CustomerPriceService, CatalogPricing, PriceQuoteService],
  exports: [CatalogPricing, ProductService, PriceListService, AccountPriceListService, CustomerPriceService, VatRateService],
})
export class CatalogModule {}
