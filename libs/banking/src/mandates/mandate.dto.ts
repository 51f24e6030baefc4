import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '@comptoir/platform/http';
import { MANDATE_SCHEMES, MANDATE_STATUSES, MANDATE_TYPES, MandateScheme, MandateStatus, MandateType } from './mandate.entity';
import { MANDATE_REFERENCE_PATTERN } from './mandate-lifecycle';
import { SEQUENCE_TYPES, SequenceType } from './sequence-type';

const REFERENCE_MESSAGE = "reference must be 1 to 35 characters among A-Z a-z 0-9 + ? / : ( ) . , ' - and space";

export class CreateMandateDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'The debtor (customer)' })
  @IsUUID()
  accountId: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce', description: "One of the customer's bank accounts" })
  @IsUUID()
  bankAccountId: string;

  @ApiProperty({ example: 'RUM-2026-0001', maxLength: 35, description: 'Unique mandate reference (RUM), unique for the company (the creditor)' })
  @IsString()
  @Matches(MANDATE_REFERENCE_PATTERN, { message: REFERENCE_MESSAGE })
  reference: string;

  @ApiProperty({ example: '2026-01-15', description: 'Date of signature (not in the future)' })
  @IsCalendarDate()
  signedOn: string;

  @ApiProperty({ example: 'Lyon', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  signaturePlace: string;

  @ApiProperty({ enum: MANDATE_TYPES, example: 'recurrent' })
  @IsIn(MANDATE_TYPES)
  type: MandateType;

  @ApiProperty({ enum: MANDATE_SCHEMES, example: 'CORE', description: 'CORE (consumers and businesses) or B2B (businesses only, no refund right)' })
  @IsIn(MANDATE_SCHEMES)
  scheme: MandateScheme;

  @ApiPropertyOptional({ example: 14, default: 14, minimum: 1, maximum: 60, description: 'Days between the pre-notification and the collection; shorter than 14 only when agreed with the debtor' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  preNotificationDays?: number;
}

/**
 * Changing the bank account or the reference is an amendment: the original values are kept and the
 * next collection carries them (AmdmntInd).
 */
export class UpdateMandateDto {
  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf', description: "Another of the customer's bank accounts (amendment)" })
  @ValidateIf((o: UpdateMandateDto) => o.bankAccountId !== undefined)
  @IsUUID()
  bankAccountId?: string;

  @ApiPropertyOptional({ example: 'RUM-2026-0001-B', maxLength: 35, description: 'A new reference (amendment)' })
  @ValidateIf((o: UpdateMandateDto) => o.reference !== undefined)
  @IsString()
  @Matches(MANDATE_REFERENCE_PATTERN, { message: REFERENCE_MESSAGE })
  reference?: string;

  @ApiPropertyOptional({ example: 'Lyon', maxLength: 100 })
  @ValidateIf((o: UpdateMandateDto) => o.signaturePlace !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  signaturePlace?: string;

  @ApiPropertyOptional({ example: 5, minimum: 1, maximum: 60 })
  @ValidateIf((o: UpdateMandateDto) => o.preNotificationDays !== undefined)
  @IsInt()
  @Min(1)
  @Max(60)
  preNotificationDays?: number;

  @ApiPropertyOptional({ example: true, description: 'The next collection is the last one (FNAL); the mandate is consumed after it' })
  @ValidateIf((o: UpdateMandateDto) => o.finalCollection !== undefined)
  @IsBoolean()
  finalCollection?: boolean;
}

export class RevokeMandateDto {
  @ApiPropertyOptional({ example: '2026-11-24', description: "Defaults to the company's today" })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class ListMandatesQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class MandateAmendmentDto {
  @ApiProperty({ example: 'RUM-2025-0001', nullable: true, type: String })
  originalReference: string | null;

  @ApiProperty({ example: 'FR7630006000011234567890189', nullable: true, type: String })
  originalIban: string | null;

  @ApiProperty({ example: false, description: 'The debtor moved to another bank: the next collection is FRST with SMNDA' })
  otherBank: boolean;
}

export class MandateResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abd0' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  accountId: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  bankAccountId: string;

  @ApiProperty({ example: 'FR1420041010050500013M02606', description: "The debtor's IBAN" })
  iban: string;

  @ApiProperty({ example: 'RUM-2026-0001' })
  reference: string;

  @ApiProperty({ example: '2026-01-15' })
  signedOn: string;

  @ApiProperty({ example: 'Lyon' })
  signaturePlace: string;

  @ApiProperty({ enum: MANDATE_TYPES, example: 'recurrent' })
  type: MandateType;

  @ApiProperty({ enum: MANDATE_SCHEMES, example: 'CORE' })
  scheme: MandateScheme;

  @ApiProperty({ enum: MANDATE_STATUSES, example: 'active', description: 'As of today: an active mandate unused for 36 months reads as lapsed' })
  status: MandateStatus;

  @ApiProperty({ example: '2029-01-15', description: 'The day the mandate lapses if nothing is collected before' })
  lapsesOn: string;

  @ApiProperty({ example: 14 })
  preNotificationDays: number;

  @ApiProperty({ example: 0 })
  collectionCount: number;

  @ApiProperty({ example: null, nullable: true, type: String })
  lastCollectionOn: string | null;

  @ApiProperty({ example: false })
  finalCollection: boolean;

  @ApiProperty({ enum: SEQUENCE_TYPES, example: 'FRST', description: 'Sequence type of the next collection, from the history' })
  nextSequenceType: SequenceType;

  @ApiProperty({ type: MandateAmendmentDto, nullable: true, description: 'An amendment the next collection will carry' })
  pendingAmendment: MandateAmendmentDto | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  revokedOn: string | null;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  updatedAt: string;
}

export class MandateListDto {
  @ApiProperty({ type: [MandateResponseDto] })
  data: MandateResponseDto[];
}
