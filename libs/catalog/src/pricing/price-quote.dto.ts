import { IsAmount, IsCalendarDate } from '@comptoir/platform/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { OtherTaxResponseDto } from '../product/dto/product.dto';
import { PRODUCT_TYPES } from '../product/product.entity';
import { UNIT_CODES } from '../unit/units';
import { VAT_CATEGORY_CODES, type VatCategoryCode } from '@comptoir/billing-engine';
import { PriceSource } from './priced-line';

export class PriceQuoteQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'The customer: applies its own prices and price list' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: '2', default: '1' })
  @IsOptional()
  @IsAmount(4)
  quantity?: string;

  @ApiPropertyOptional({ enum: UNIT_CODES, example: 'year', description: "Unit of the line; default: the product's (the price is converted)" })
  @IsOptional()
  @IsIn(UNIT_CODES)
  unit?: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: "Document date, for validity periods; default: today in the company's time zone" })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class PricedLineDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  productId: string;

  @ApiProperty({ example: 'MAINT-M' })
  reference: string;

  @ApiProperty({ example: 'Abonnement maintenance' })
  description: string;

  @ApiProperty({ enum: UNIT_CODES, example: 'year' })
  unit: string;

  @ApiProperty({ example: '468.0000', description: 'Per unit, net of VAT, 4 decimals' })
  unitPrice: string;

  @ApiProperty({ example: '20.00' })
  vatRate: string;

  @ApiProperty({ enum: VAT_CATEGORY_CODES, example: 'S' })
  vatCategory: VatCategoryCode;

  @ApiProperty({ example: null, nullable: true, type: String })
  vatExemptionReason: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, description: 'Discount percent to apply on the line (from a customer price or price list)' })
  discountPercent: string | null;

  @ApiProperty({ type: [OtherTaxResponseDto] })
  otherTaxes: OtherTaxResponseDto[];

  @ApiProperty({ enum: PRODUCT_TYPES, example: 'service' })
  kind: 'goods' | 'service';

  @ApiProperty({ example: '706000', nullable: true, type: String })
  salesAccount: string | null;

  @ApiProperty({ enum: ['catalog', 'price_list', 'customer_price'], example: 'price_list' })
  priceSource: PriceSource;
}
