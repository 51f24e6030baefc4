import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { AddressDto, IsEuVatNumber, IsSiren, IsSiret } from '@comptoir/platform/http';
import { ACCOUNT_KINDS, ACCOUNT_ROLES, AccountKind, AccountRole, PAYMENT_METHODS } from '../account.entity';
import { ELECTRONIC_ADDRESS_MAX_LENGTH, ELECTRONIC_ADDRESS_SCHEME_PATTERN, IsElectronicAddress } from '../electronic-address';

export class AccountAddressDto extends AddressDto {
  @ApiPropertyOptional({ example: 'Entrepôt', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}

const CUSTOM_FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

/** Custom fields: up to 50 keys (letters, digits, _) holding short strings, numbers, booleans or null. */
const IsCustomFields = () =>
  ValidateBy({
    name: 'isCustomFields',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= 50 &&
        Object.entries(value).every(
          ([k, v]) =>
            CUSTOM_FIELD_KEY.test(k) &&
            (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 500)),
        ),
      defaultMessage: () => 'customFields must map up to 50 keys (letters, digits, _) to strings (≤ 500 chars), numbers, booleans or null',
    },
  });

export class CreateAccountDto {
  @ApiProperty({ example: 'Boulangerie Martin', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ACCOUNT_ROLES, isArray: true, example: ['customer'], description: 'An account can hold several roles' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ACCOUNT_ROLES, { each: true })
  roles: AccountRole[];

  @ApiPropertyOptional({ enum: ACCOUNT_KINDS, example: 'company', default: 'company' })
  @IsOptional()
  @IsIn(ACCOUNT_KINDS)
  kind?: AccountKind;

  @ApiPropertyOptional({ example: '732829320', description: '9 digits, Luhn-checked' })
  @IsOptional()
  @IsSiren()
  siren?: string;

  @ApiPropertyOptional({ example: '73282932000074', description: '14 digits, Luhn-checked' })
  @IsOptional()
  @IsSiret()
  siret?: string;

  @ApiPropertyOptional({ example: 'FR44732829320' })
  @IsOptional()
  @IsEuVatNumber()
  vatNumber?: string;

  @ApiPropertyOptional({
    example: '732829320',
    maxLength: ELECTRONIC_ADDRESS_MAX_LENGTH,
    description: "E-invoicing routing address (BT-49) in the directory, e.g. its SIREN or SIREN_SIRET; left out, e-invoices go to the SIREN. Letters, digits, + - _ . (an e-mail with scheme EM)",
  })
  @IsOptional()
  @IsElectronicAddress('electronicAddressScheme')
  electronicAddress?: string;

  @ApiPropertyOptional({ example: '0225', pattern: ELECTRONIC_ADDRESS_SCHEME_PATTERN.source, description: 'Scheme of the electronic address (BT-49-1): 0225 French directory (the default), 0009 SIRET, EM e-mail…' })
  @IsOptional()
  @IsString()
  @Matches(ELECTRONIC_ADDRESS_SCHEME_PATTERN, { message: 'electronicAddressScheme must be 4 digits (ISO 6523 ICD, e.g. 0225) or EM' })
  electronicAddressScheme?: string;

  @ApiPropertyOptional({ example: 'contact@boulangerie-martin.fr' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+33 1 23 45 67 89', maxLength: 30 })
  @IsOptional()
  @IsString()
  @Matches(/^[+0-9 ().-]{3,30}$/, { message: 'phone must contain digits, spaces, +, ., -, ( or ) only' })
  phone?: string;

  @ApiPropertyOptional({ example: '+33 6 12 34 56 78', maxLength: 30 })
  @IsOptional()
  @IsString()
  @Matches(/^[+0-9 ().-]{3,30}$/, { message: 'mobile must contain digits, spaces, +, ., -, ( or ) only' })
  mobile?: string;

  @ApiPropertyOptional({ example: 'https://boulangerie-martin.fr' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(200)
  website?: string;

  @ApiPropertyOptional({ type: AccountAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AccountAddressDto)
  billingAddress?: AccountAddressDto;

  @ApiPropertyOptional({ type: [AccountAddressDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AccountAddressDto)
  deliveryAddresses?: AccountAddressDto[];

  @ApiPropertyOptional({ example: ['vip', 'boulangerie'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[^,\s][^,]{0,49}$/, { each: true, message: 'each tag must be 1 to 50 characters without commas' })
  tags?: string[];

  @ApiPropertyOptional({ example: { contractNumber: 'C-2026-001', copiesPerQuarter: 5000 }, type: 'object', additionalProperties: true })
  @IsOptional()
  @IsCustomFields()
  customFields?: Record<string, string | number | boolean | null>;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsOptional()
  @IsUUID()
  sectorId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  @IsOptional()
  @IsUUID()
  assignedUserId?: string;

  @ApiPropertyOptional({ example: 'HUBSPOT-4411', maxLength: 100, description: 'Your own id for this account (connectors upsert on it)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalRef?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, example: 'transfer' })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  preferredPaymentMethod?: string;

  @ApiPropertyOptional({ example: 'Livraison avant 7 h', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class UpdateAccountDto extends PartialType(CreateAccountDto) {}

export const ACCOUNT_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export class AccountResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'Boulangerie Martin' })
  name: string;

  @ApiProperty({ enum: ACCOUNT_KINDS, example: 'company' })
  kind: AccountKind;

  @ApiProperty({ enum: ACCOUNT_ROLES, isArray: true, example: ['customer'] })
  roles: AccountRole[];

  @ApiProperty({ example: '732829320', nullable: true, type: String })
  siren: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  siret: string | null;

  @ApiProperty({ example: 'FR44732829320', nullable: true, type: String })
  vatNumber: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, description: 'E-invoicing routing address (BT-49); null: e-invoices go to the SIREN' })
  electronicAddress: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, description: 'Scheme of the electronic address; null: 0225 (French directory)' })
  electronicAddressScheme: string | null;

  @ApiProperty({ example: 'contact@boulangerie-martin.fr', nullable: true, type: String })
  email: string | null;

  @ApiProperty({ example: '+33 1 23 45 67 89', nullable: true, type: String })
  phone: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  mobile: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  website: string | null;

  @ApiProperty({ type: AccountAddressDto, nullable: true })
  billingAddress: AccountAddressDto | null;

  @ApiProperty({ type: [AccountAddressDto] })
  deliveryAddresses: AccountAddressDto[];

  @ApiProperty({ example: ['vip'], type: [String] })
  tags: string[];

  @ApiProperty({ example: { contractNumber: 'C-2026-001' }, type: 'object', additionalProperties: true })
  customFields: Record<string, string | number | boolean | null>;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null })
  sectorId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null })
  assignedUserId: string | null;

  @ApiProperty({ example: 'HUBSPOT-4411', nullable: true, type: String })
  externalRef: string | null;

  @ApiProperty({ enum: PAYMENT_METHODS, nullable: true, example: 'transfer' })
  preferredPaymentMethod: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  notes: string | null;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  updatedAt: string;
}

export class AccountPageDto {
  @ApiProperty({ type: [AccountResponseDto] })
  data: AccountResponseDto[];

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class UpsertAccountResponseDto extends AccountResponseDto {
  @ApiProperty({ enum: ['created', 'updated'], example: 'updated' })
  outcome: 'created' | 'updated';

  @ApiProperty({ enum: ['externalRef', 'siren', 'email'], nullable: true, example: 'externalRef', description: 'Which field matched an existing account' })
  matchedBy: 'externalRef' | 'siren' | 'email' | null;
}
