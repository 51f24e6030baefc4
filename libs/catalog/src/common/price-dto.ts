import { IsAmount, IsCalendarDate, IsPercent } from '@comptoir/platform/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

/** A special price: a unit price in the product's unit, or a discount on the catalog price (exactly one). */
export class SpecialPriceDto {
  @ApiPropertyOptional({ example: '11.0000', description: 'Unit price net of VAT in the product unit, at most 4 decimals; or give discountPercent' })
  @IsOptional()
  @IsAmount(4)
  unitPrice?: string;

  @ApiPropertyOptional({ example: '5.00', description: 'Discount on the catalog price, percent; or give unitPrice' })
  @IsOptional()
  @IsPercent()
  discountPercent?: string;
}

/** An optional validity period, bounds included. */
export class ValidityDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day of validity (inclusive); absent: always' })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day of validity (inclusive); absent: open-ended' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string;
}

/** A special price as answered: exactly one of the two is set. */
export class SpecialPriceResponseDto {
  @ApiProperty({ example: '11.0000', nullable: true, type: String })
  unitPrice: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  discountPercent: string | null;
}

/** A validity period as answered; null bounds are open. */
export class ValidityResponseDto {
  @ApiProperty({ example: '2026-01-01', nullable: true, type: String })
  validFrom: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  validTo: string | null;
}
