import { VatRateResponseDto } from './dto/vat-rate.dto';
import { VatRateEntity } from './vat-rate.entity';

export function toVatRateDto(r: VatRateEntity): VatRateResponseDto {
  return {
    id: r.id,
    country: r.country,
    rate: r.rate,
    category: r.category,
    exemptionReason: r.exemptionReason,
    label: r.label,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
