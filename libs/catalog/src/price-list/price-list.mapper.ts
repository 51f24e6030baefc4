import { PriceListItemResponseDto, PriceListResponseDto, PriceListSummaryDto } from './dto/price-list.dto';
import { PriceListItemEntity } from './price-list-item.entity';
import { PriceListEntity } from './price-list.entity';

export function toPriceListSummaryDto(l: PriceListEntity, itemCount: number): PriceListSummaryDto {
  return {
    id: l.id,
    name: l.name,
    currency: l.currency,
    validFrom: l.validFrom,
    validTo: l.validTo,
    active: l.active,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    itemCount,
  };
}

export function toPriceListDto(l: PriceListEntity, items: PriceListItemEntity[]): PriceListResponseDto {
  const { itemCount: _count, ...fields } = toPriceListSummaryDto(l, items.length);
  return { ...fields, items: items.map(toItemDto) };
}

const toItemDto = (i: PriceListItemEntity): PriceListItemResponseDto => ({ productId: i.productId, unitPrice: i.unitPrice, discountPercent: i.discountPercent });
