import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalNested, OptionalNestedArray } from '@comptoir/platform/http';
import { InstallmentDto, PdfOptionsDto } from '../document/dto/document-parts.dto';
import { DEFAULT_EARLY_PAYMENT_TEXT, DEFAULT_LATE_PENALTY_TEXT } from './billing-defaults';

export class UpdateBillingSettingsDto {
  @ApiPropertyOptional({ example: DEFAULT_LATE_PENALTY_TEXT, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  latePenaltyText?: string;

  @ApiPropertyOptional({ example: DEFAULT_EARLY_PAYMENT_TEXT, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  earlyPaymentText?: string;

  @ApiPropertyOptional({ example: 'Conditions générales de vente : …', maxLength: 20000, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  termsOfSale?: string | null;

  @OptionalNestedArray(InstallmentDto, { max: 24, description: 'Default payment terms of new documents (must total 100 %, or be empty)' })
  paymentTerms?: InstallmentDto[];

  @OptionalNested(PdfOptionsDto)
  pdfOptions?: PdfOptionsDto;

  @ApiPropertyOptional({ example: false, description: 'VAT on debits (printed on invoices)' })
  @IsOptional()
  @IsBoolean()
  vatOnDebits?: boolean;

  @ApiPropertyOptional({ example: 30, minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  quoteValidityDays?: number;
}

export class BillingSettingsResponseDto {
  @ApiProperty({ example: DEFAULT_LATE_PENALTY_TEXT }) latePenaltyText: string;
  @ApiProperty({ example: DEFAULT_EARLY_PAYMENT_TEXT }) earlyPaymentText: string;
  @ApiProperty({ example: null, nullable: true, type: String }) termsOfSale: string | null;
  @ApiProperty({ type: [InstallmentDto] }) paymentTerms: InstallmentDto[];
  @ApiProperty({ type: PdfOptionsDto }) pdfOptions: PdfOptionsDto;
  @ApiProperty({ example: false }) vatOnDebits: boolean;
  @ApiProperty({ example: 30 }) quoteValidityDays: number;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'null until first changed' }) updatedAt: string | null;
}
