import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ELECTRONIC_ADDRESS_MAX_LENGTH, ELECTRONIC_ADDRESS_SCHEME_PATTERN, IsElectronicAddress } from '@comptoir/crm';
import { EINVOICE_FORMATS, EINVOICE_PROFILES, EInvoiceFormat } from './einvoicing-settings.entity';

type EInvoiceProfile = (typeof EINVOICE_PROFILES)[number];

/** PUT replaces the settings: what is left out takes its default. */
export class PutEInvoicingSettingsDto {
  @ApiProperty({ example: true, description: "Puts the company in the reform's scope: its domestic B2B invoices are refused at validation (422 einvoice_incomplete) while data an e-invoice needs is missing" })
  @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional({
    example: '732829320_FACTURES',
    maxLength: ELECTRONIC_ADDRESS_MAX_LENGTH,
    nullable: true,
    type: String,
    description: "The company's routing address in the directory (BT-34); null or left out: its SIREN. Letters, digits, + - _ . (an e-mail with scheme EM)",
  })
  @IsOptional()
  @IsElectronicAddress('electronicAddressScheme')
  electronicAddress?: string | null;

  @ApiPropertyOptional({ example: '0225', default: '0225', pattern: ELECTRONIC_ADDRESS_SCHEME_PATTERN.source, description: 'Scheme of the electronic address (BT-34-1): 0225 French directory' })
  @IsOptional()
  @IsString()
  @Matches(ELECTRONIC_ADDRESS_SCHEME_PATTERN, { message: 'electronicAddressScheme must be 4 digits (ISO 6523 ICD, e.g. 0225) or EM' })
  electronicAddressScheme?: string;

  @ApiPropertyOptional({ enum: EINVOICE_PROFILES, example: 'EN16931', default: 'EN16931', description: 'The CII profile written' })
  @IsOptional()
  @IsIn(EINVOICE_PROFILES)
  profile?: EInvoiceProfile;

  @ApiPropertyOptional({ example: 'none', default: 'none', maxLength: 30, description: 'The approved platform (PA) that transmits: none (files only) or a registered adapter (GET lists them in `platforms`)' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  platform?: string;

  @ApiPropertyOptional({ enum: EINVOICE_FORMATS, example: 'facturx', default: 'facturx', description: 'The format handed to the platform' })
  @IsOptional()
  @IsIn(EINVOICE_FORMATS)
  transmitFormat?: EInvoiceFormat;

  @ApiPropertyOptional({ example: false, default: false, description: 'Submit every generated e-invoice to the platform at once (needs a platform)' })
  @IsOptional()
  @IsBoolean()
  autoTransmit?: boolean;
}

export class EInvoicingSettingsResponseDto {
  @ApiProperty({ example: true }) enabled: boolean;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'null: the SIREN is used' }) electronicAddress: string | null;
  @ApiProperty({ example: '0225' }) electronicAddressScheme: string;
  @ApiProperty({ enum: EINVOICE_PROFILES, example: 'EN16931' }) profile: EInvoiceProfile;
  @ApiProperty({ example: 'none' }) platform: string;
  @ApiProperty({ example: ['none', 'fake'], type: [String], description: 'The values `platform` accepts on this deployment' }) platforms: string[];
  @ApiProperty({ enum: EINVOICE_FORMATS, example: 'facturx' }) transmitFormat: EInvoiceFormat;
  @ApiProperty({ example: false }) autoTransmit: boolean;
  @ApiProperty({ example: '2026-11-24T09:30:00.000Z', nullable: true, type: String, description: 'null: never saved, the defaults apply' }) updatedAt: string | null;
}
