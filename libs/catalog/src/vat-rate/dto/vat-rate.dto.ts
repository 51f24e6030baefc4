import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsPercent, ListQueryDto, PageOf, TimestampsDto } from '@comptoir/platform/http';
import { VAT_CATEGORY_CODES, type VatCategoryCode } from '@comptoir/billing-engine';

export class CreateVatRateDto {
  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2 country whose VAT this is' })
  @IsISO31661Alpha2()
  country: string;

  @ApiProperty({ example: '19.00', description: 'Percent, 0 to 100, at most 2 decimals' })
  @IsPercent()
  rate: string;

  @ApiPropertyOptional({ enum: VAT_CATEGORY_CODES, example: 'S', description: 'EN 16931 VAT category (UNCL5305); S when the rate is above 0' })
  @IsOptional()
  @IsIn(VAT_CATEGORY_CODES)
  category?: VatCategoryCode;

  @ApiPropertyOptional({ example: 'TVA non applicable, art. 293 B du CGI', maxLength: 200, description: 'Printed on invoices: required for categories E, AE, K, G, O; none for S and Z' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  exemptionReason?: string;

  @ApiProperty({ example: 'TVA Allemagne 19 %', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label: string;

  @ApiPropertyOptional({ example: true, default: true, description: 'Inactive rates stay on the products that use them but cannot be chosen for new ones' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateVatRateDto extends PartialType(CreateVatRateDto) {}

export class ListVatRatesQuery extends ListQueryDto {
  @ApiPropertyOptional({ example: 'FR' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @ApiPropertyOptional({ type: Boolean, example: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class VatRateResponseDto extends TimestampsDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'FR' })
  country: string;

  @ApiProperty({ example: '20.00' })
  rate: string;

  @ApiProperty({ enum: VAT_CATEGORY_CODES, example: 'S' })
  category: VatCategoryCode;

  @ApiProperty({ example: null, nullable: true, type: String })
  exemptionReason: string | null;

  @ApiProperty({ example: 'TVA 20 %' })
  label: string;

  @ApiProperty({ example: true })
  active: boolean;
}

export class VatRatePageDto extends PageOf(VatRateResponseDto) {}
