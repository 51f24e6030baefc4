import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AddressDto, IsAmount, IsCalendarDate, IsDecimalString, IsPercent, OptionalNestedArray, RequiredNested } from '@comptoir/platform/http';
import { OtherTaxDto } from '@comptoir/catalog';
import { VAT_CATEGORY_CODES, type VatCategoryCode } from '@comptoir/billing-engine';
import { LINE_KINDS, LineKind } from '../document-kinds';

export const VAT_CATEGORIES = VAT_CATEGORY_CODES;
export const INSTALLMENT_RULES = ['on_order', 'days', 'days_end_of_month', 'end_of_month_plus_days'] as const;

export class InstallmentRuleDto {
  @ApiProperty({ enum: INSTALLMENT_RULES, example: 'days_end_of_month', description: 'Based on the previous installment date (the first on the document date)' })
  @IsIn(INSTALLMENT_RULES)
  type: (typeof INSTALLMENT_RULES)[number];

  @ApiPropertyOptional({ example: 30, minimum: 0, maximum: 365, description: 'Required by every rule but on_order' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  days?: number;
}

export class InstallmentDto {
  @ApiProperty({ example: '30.00', description: 'Percent of the gross total; the installments must total 100' })
  @IsPercent(4)
  percent: string;

  @ApiProperty({ enum: ['deposit', 'payment'], example: 'payment' })
  @IsIn(['deposit', 'payment'])
  kind: 'deposit' | 'payment';

  @RequiredNested(InstallmentRuleDto)
  rule: InstallmentRuleDto;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'transfer', maxLength: 20 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  method?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Solde', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string | null;
}

/** "Escompte": a discount for paying early (DOMAIN §6), printed among the invoice mentions. */
export class EarlyPaymentDiscountDto {
  @ApiProperty({ example: '2.00', description: 'Percent off, greater than 0 and at most 100' })
  @IsPercent(2)
  percent: string;

  @ApiProperty({ example: 10, minimum: 0, maximum: 3650, description: 'When paid within this many days of the invoice date' })
  @IsInt()
  @Min(0)
  @Max(3650)
  withinDays: number;
}

export class GeneralDiscountDto {
  @ApiProperty({ enum: ['percent', 'amount'], example: 'percent' })
  @IsIn(['percent', 'amount'])
  mode: 'percent' | 'amount';

  @ApiProperty({ enum: ['net', 'gross'], example: 'gross', description: 'gross: spread over VAT rates pro rata of their gross' })
  @IsIn(['net', 'gross'])
  base: 'net' | 'gross';

  @ApiProperty({ example: '5.00', description: 'A percent (0–100) or an amount, per mode' })
  @IsAmount(4)
  value: string;
}

export class ShippingDto {
  @ApiProperty({ example: '15.00' })
  @IsAmount(2)
  amount: string;

  @ApiProperty({ example: '20.00' })
  @IsPercent(2)
  vatRate: string;

  @ApiPropertyOptional({ enum: VAT_CATEGORIES, example: 'S', default: 'S' })
  @IsOptional()
  @IsIn(VAT_CATEGORIES)
  vatCategory?: VatCategoryCode;
}


/**
 * A line as clients send it. A line with a productId and no unitPrice is priced from the catalog
 * (customer price, price list, catalog price); a free line needs description, unitPrice and vatRate.
 */
export class DocumentLineInputDto {
  @ApiPropertyOptional({ enum: LINE_KINDS, example: 'item', default: 'item' })
  @IsOptional()
  @IsIn(LINE_KINDS)
  kind?: LineKind;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ example: 'PREST-H', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({ example: 'Heure de ménage', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ example: '2', default: '1' })
  @IsOptional()
  @IsDecimalString(4)
  quantity?: string;

  @ApiPropertyOptional({ example: 'hour', maxLength: 20 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  unit?: string;

  @ApiPropertyOptional({ example: '100.00', description: 'Net of VAT, up to 4 decimals' })
  @IsOptional()
  @IsDecimalString(4)
  unitPrice?: string;

  @ApiPropertyOptional({ example: '10', description: 'Line discount in percent' })
  @IsOptional()
  @IsPercent(4)
  discountPercent?: string;

  @ApiPropertyOptional({ example: '20.00' })
  @IsOptional()
  @IsPercent(2)
  vatRate?: string;

  @ApiPropertyOptional({ enum: VAT_CATEGORIES, example: 'S', default: 'S', description: 'EN 16931 VAT category (UNCL5305)' })
  @IsOptional()
  @IsIn(VAT_CATEGORIES)
  vatCategory?: VatCategoryCode;

  @ApiPropertyOptional({ example: 'TVA non applicable, art. 293 B du CGI', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  vatExemptionReason?: string;

  @OptionalNestedArray(OtherTaxDto, { max: 10 })
  otherTaxes?: OtherTaxDto[];

  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsCalendarDate()
  availabilityDate?: string;
}

export class PdfOptionsDto {
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() showDiscountColumn?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() showUnitPrice?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() showProductCodes?: boolean;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() showImages?: boolean;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() showBarcodes?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() showTitle?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() showSeller?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() showDeliveryAddress?: boolean;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() repeatTotalsOnEachPage?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() showDepositsAndPayments?: boolean;
}

export class DocumentAddressDto extends AddressDto {}
