import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsTimeZone, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { normaliseSepaCreditorId } from '@comptoir/platform/kernel';
import { AddressDto, IsDecimalString, IsEuVatNumber, IsSepaCreditorId, IsSiren, IsSiret } from '@comptoir/platform/http';
import { LEGAL_FORMS, VAT_REGIMES } from './company.entity';

export class FirstEstablishmentDto {
  @ApiProperty({ example: 'Siège', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '73282932000074', description: 'SIREN + NIC, Luhn-checked' })
  @IsSiret()
  siret: string;
}

export class CreateCompanyDto {
  @ApiProperty({ example: 'Atelier Dupont SAS', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  legalName: string;

  @ApiProperty({ example: '732829320', description: '9 digits, Luhn-checked' })
  @IsSiren()
  siren: string;

  @ApiPropertyOptional({ example: 'FR44732829320', description: 'Intra-EU VAT number, key-checked' })
  @IsOptional()
  @IsEuVatNumber()
  vatNumber?: string;

  @ApiPropertyOptional({ enum: LEGAL_FORMS, example: 'SAS' })
  @IsOptional()
  @IsIn(LEGAL_FORMS)
  legalForm?: string;

  @ApiPropertyOptional({ example: '10000.00', description: 'Share capital in the company currency' })
  @IsOptional()
  @IsDecimalString(2)
  shareCapital?: string;

  @ApiPropertyOptional({ example: 'RCS Paris', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  rcs?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ example: 'Europe/Paris' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ enum: VAT_REGIMES, example: 'normal', description: 'normal, franchise (art. 293 B du CGI) or VAT on debits' })
  @IsOptional()
  @IsIn(VAT_REGIMES)
  vatRegime?: string;

  @ApiPropertyOptional({ example: false, description: 'Sandbox (TEST) company: set at creation, never changed' })
  @IsOptional()
  @IsBoolean()
  isSandbox?: boolean;

  @ApiPropertyOptional({ type: FirstEstablishmentDto, description: 'Default establishment; defaults to the head office with NIC 00012-style SIRET when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FirstEstablishmentDto)
  establishment?: FirstEstablishmentDto;
}

export class UpdateCompanyDto extends PartialType(OmitType(CreateCompanyDto, ['isSandbox', 'establishment', 'siren'] as const)) {
  @ApiPropertyOptional({ example: 'FR72ZZZ123456', nullable: true, type: String, description: 'SEPA creditor identifier (ICS), check digits verified; spaces and case are normalised; null clears it' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseSepaCreditorId(value) : value))
  @IsSepaCreditorId()
  sepaCreditorId?: string | null;
}

export class CompanyResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'Atelier Dupont SAS' })
  legalName: string;

  @ApiProperty({ example: 'SAS', nullable: true, type: String })
  legalForm: string | null;

  @ApiProperty({ example: '10000.00', nullable: true, type: String })
  shareCapital: string | null;

  @ApiProperty({ example: '732829320' })
  siren: string;

  @ApiProperty({ example: 'FR44732829320', nullable: true, type: String })
  vatNumber: string | null;

  @ApiProperty({ example: 'RCS Paris', nullable: true, type: String })
  rcs: string | null;

  @ApiProperty({ type: AddressDto, nullable: true })
  address: AddressDto | null;

  @ApiProperty({ example: 'Europe/Paris' })
  timeZone: string;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ enum: VAT_REGIMES, example: 'normal' })
  vatRegime: string;

  @ApiProperty({ example: 'FR72ZZZ123456', nullable: true, type: String, description: 'SEPA creditor identifier (ICS)' })
  sepaCreditorId: string | null;

  @ApiProperty({ example: false })
  isSandbox: boolean;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  updatedAt: string;
}

export class CompanyListResponseDto {
  @ApiProperty({ type: [CompanyResponseDto] })
  data: CompanyResponseDto[];
}
