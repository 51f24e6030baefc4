import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArrayDistinct, IsCalendarDate } from '@comptoir/platform/http';
import { SEQUENCE_TYPES, SequenceType } from '../mandates/sequence-type';
import { SEPA_BATCH_STATUSES, SEPA_FORMATS, SepaBatchStatus, SepaFormat } from './sepa-batch.entity';
import { SEPA_ITEM_STATUSES, SepaItemStatus } from './sepa-batch-item.entity';

export class CreateSepaBatchDto {
  @ApiProperty({ type: [String], format: 'uuid', example: ['01934567-89ab-7cde-8f01-23456789abcd'], description: 'Validated open invoices of customers with an active mandate (at most 10,000)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10000)
  @ArrayDistinct()
  @IsUUID('all', { each: true })
  invoiceIds: string[];

  @ApiProperty({ example: '2026-12-15', description: 'Requested collection date: in the future, and at least the pre-notification delay of every mandate after today' })
  @IsCalendarDate()
  collectionDate: string;

  @ApiProperty({ enum: SEPA_FORMATS, example: 'pain.008.001.08' })
  @IsIn(SEPA_FORMATS)
  format: SepaFormat;
}

export class SettleSepaBatchDto {
  @ApiProperty({ example: '2026-12-15', description: 'Date the bank credited the collection (the payments are dated on it)' })
  @IsCalendarDate()
  date: string;
}

export class RejectSepaItemDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'The rejected invoice of the batch' })
  @IsUUID()
  invoiceId: string;

  @ApiProperty({ example: 'AC04 compte clôturé', maxLength: 300, description: 'Reason (an ISO reason code such as AM04 or MD01, and/or a text)' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  reason: string;

  @ApiPropertyOptional({ example: '2026-12-17', description: "Defaults to the company's today" })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class SepaFileQuery {
  @ApiPropertyOptional({ enum: ['xml', 'zip'], default: 'xml', example: 'xml' })
  @IsOptional()
  @IsIn(['xml', 'zip'])
  format?: 'xml' | 'zip';
}

export class SepaBatchItemDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abd1' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  invoiceId: string;

  @ApiProperty({ example: 'F-2026-000123' })
  invoiceNumber: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' })
  accountId: string;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abd0' })
  mandateId: string;

  @ApiProperty({ example: 'RUM-2026-0001' })
  mandateReference: string;

  @ApiProperty({ example: 'FR1420041010050500013M02606' })
  debtorIban: string;

  @ApiProperty({ enum: SEQUENCE_TYPES, example: 'FRST' })
  sequenceType: SequenceType;

  @ApiProperty({ example: '1200.00' })
  amount: string;

  @ApiProperty({ enum: SEPA_ITEM_STATUSES, example: 'pending' })
  status: SepaItemStatus;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The direct_debit payment recorded at settlement' })
  paymentId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  rejectedOn: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  rejectReason: string | null;
}

export class SepaBatchResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abd2' })
  id: string;

  @ApiProperty({ enum: SEPA_BATCH_STATUSES, example: 'generated' })
  status: SepaBatchStatus;

  @ApiProperty({ enum: SEPA_FORMATS, example: 'pain.008.001.08' })
  format: SepaFormat;

  @ApiProperty({ example: 'SDD-20261124-01934567' })
  messageId: string;

  @ApiProperty({ example: 3 })
  count: number;

  @ApiProperty({ example: '2450.00' })
  total: string;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ example: '2026-12-15' })
  collectionDate: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  settledOn: string | null;

  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  createdAt: string;
}

export class SepaBatchDetailDto extends SepaBatchResponseDto {
  @ApiProperty({ type: [SepaBatchItemDto] })
  items: SepaBatchItemDto[];
}

export class SepaBatchListDto {
  @ApiProperty({ type: [SepaBatchResponseDto] })
  data: SepaBatchResponseDto[];
}
