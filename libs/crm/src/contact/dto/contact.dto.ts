import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PHONE_PATTERN } from '../../common/validators';

export class CreateContactDto {
  @ApiPropertyOptional({ example: 'Mme', maxLength: 10, description: 'Civility as printed on letters (M., Mme, Dr…)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  civility?: string;

  @ApiPropertyOptional({ example: 'Camille', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  firstName?: string;

  @ApiProperty({ example: 'Martin', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @ApiPropertyOptional({ example: 'Gérante', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  jobTitle?: string;

  @ApiPropertyOptional({ example: 'camille@boulangerie-martin.fr', maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+33 1 23 45 67 89', maxLength: 30 })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must contain digits, spaces, +, ., -, ( or ) only' })
  phone?: string;

  @ApiPropertyOptional({ example: '+33 6 12 34 56 78', maxLength: 30 })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'mobile must contain digits, spaces, +, ., -, ( or ) only' })
  mobile?: string;

  @ApiPropertyOptional({ example: true, default: false, description: "The account's main contact; setting it clears the flag on the account's other contacts" })
  @IsOptional()
  @IsBoolean()
  isPrimary?: boolean;

  @ApiPropertyOptional({ example: 'Joignable le matin', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

/** Every field optional; `null` clears an optional field, never the last name. */
export class UpdateContactDto extends PartialType(OmitType(CreateContactDto, ['lastName', 'isPrimary'] as const)) {
  @ApiPropertyOptional({ example: 'Martin', maxLength: 100 })
  @ValidateIf((o: UpdateContactDto) => o.lastName !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ example: true, description: "The account's main contact; setting it clears the flag on the account's other contacts" })
  @ValidateIf((o: UpdateContactDto) => o.isPrimary !== undefined)
  @IsBoolean()
  isPrimary?: boolean;
}

export class ContactResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  accountId: string;

  @ApiProperty({ example: 'Mme', nullable: true, type: String })
  civility: string | null;

  @ApiProperty({ example: 'Camille', nullable: true, type: String })
  firstName: string | null;

  @ApiProperty({ example: 'Martin' })
  lastName: string;

  @ApiProperty({ example: 'Gérante', nullable: true, type: String })
  jobTitle: string | null;

  @ApiProperty({ example: 'camille@boulangerie-martin.fr', nullable: true, type: String })
  email: string | null;

  @ApiProperty({ example: '+33 1 23 45 67 89', nullable: true, type: String })
  phone: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  mobile: string | null;

  @ApiProperty({ example: true })
  isPrimary: boolean;

  @ApiProperty({ example: null, nullable: true, type: String })
  notes: string | null;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  updatedAt: string;
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactResponseDto] })
  data: ContactResponseDto[];

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor: string | null;
}

export const CONTACT_SORTS = ['lastName', '-lastName', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
