import { CustomerPriceResponseDto } from './dto/customer-price.dto';
import { CustomerPriceEntity } from './customer-price.entity';

export function toCustomerPriceDto(p: CustomerPriceEntity): CustomerPriceResponseDto {
  return {
    id: p.id,
    accountId: p.accountId,
    productId: p.productId,
    unitPrice: p.unitPrice,
    discountPercent: p.discountPercent,
    validFrom: p.validFrom,
    validTo: p.validTo,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
