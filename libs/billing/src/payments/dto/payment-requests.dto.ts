import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PAYMENT_METHODS, PaymentMethod } from '@comptoir/crm';
import { IsAmount, IsCalendarDate, ListQueryDto, OptionalNestedArray } from '@comptoir/platform/http';
import type { PaymentStatus } from '../payment.entity';

const ID_EXAMPLE = '01934567-89ab-7cde-8f01-23456789abcd';
export const MAX_ALLOCATIONS = 1000;

export class AllocationDto {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE, description: 'A validated invoice or deposit invoice of the same customer' })
  @IsUUID()
  invoiceId: string;

  @ApiProperty({ example: '120.00', description: 'More than 0, at most the invoice balance due' })
  @IsAmount(2)
  amount: string;
}

/** What every payment says: who, when, how, how much, through which of the company's bank accounts. */
class PaymentFieldsDto {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE, description: 'The customer' })
  @IsUUID()
  accountId: string;

  @ApiProperty({ example: '2026-11-23', description: 'Not in the future, not in a closed period' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: PAYMENT_METHODS, example: 'transfer' })
  @IsIn(PAYMENT_METHODS)
  method: PaymentMethod;

  @ApiProperty({ example: '300.00', description: 'More than 0, 2 decimals at most' })
  @IsAmount(2)
  amount: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, example: null, description: "One of the company's own bank accounts" })
  @IsOptional()
  @IsUUID()
  bankAccountId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'VIR 2026-11-23 MARTIN', maxLength: 140, description: 'Cheque number, transfer reference' })
  @IsOptional()
  @IsString()
  @MaxLength(140)
  reference?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: null, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class RecordPaymentDto extends PaymentFieldsDto {
  @ApiPropertyOptional({ enum: ['in'], example: 'in', description: 'Money received (the default); refunds (money paid back) go through POST /refunds' })
  @IsOptional()
  @IsIn(['in'])
  direction?: 'in';

  @ApiPropertyOptional({ nullable: true, type: String, example: null, maxLength: 200, description: 'Provider id (unique per company): the same id twice is refused' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalRef?: string | null;

  @OptionalNestedArray(AllocationDto, { max: MAX_ALLOCATIONS, description: 'Invoices it settles; their sum at most the amount, the rest is kept as customer credit' })
  allocations?: AllocationDto[];
}

export class ApplyAllocationsDto {
  @ApiProperty({ type: [AllocationDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ALLOCATIONS)
  @ValidateNested({ each: true })
  @Type(() => AllocationDto)
  allocations: AllocationDto[];

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Date of the allocation (default today): on or after the payment or credit note, not in the future' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class CancelPaymentDto {
  @ApiProperty({ example: '2026-11-23', description: 'The cancellation date: the reversing entries are dated on it (on or after the payment, not in the future, in an open period)' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Chèque impayé', minLength: 1, maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  reason: string;
}

export class RefundSourceDto {
  @ApiPropertyOptional({ format: 'uuid', example: ID_EXAMPLE, description: 'A validated credit note with credit left (exactly one of creditNoteId and paymentId)' })
  @IsOptional()
  @IsUUID()
  creditNoteId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: undefined, description: 'An incoming payment with unallocated credit' })
  @IsOptional()
  @IsUUID()
  paymentId?: string;

  @ApiProperty({ example: '50.00' })
  @IsAmount(2)
  amount: string;
}

export class RecordRefundDto extends PaymentFieldsDto {
  @ApiProperty({ type: [RefundSourceDto], description: 'The credits it pays back; they add up to the amount' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ALLOCATIONS)
  @ValidateNested({ each: true })
  @Type(() => RefundSourceDto)
  from: RefundSourceDto[];
}

export const PAYMENT_STATUS_FILTER: readonly PaymentStatus[] = ['recorded', 'cancelled'];

export class ListPaymentsQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: ID_EXAMPLE })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Payments dated on or after' })
  @IsOptional()
  @IsCalendarDate()
  dateFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Payments dated on or before' })
  @IsOptional()
  @IsCalendarDate()
  dateTo?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, example: 'transfer' })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;

  @ApiPropertyOptional({ enum: PAYMENT_STATUS_FILTER, example: 'recorded' })
  @IsOptional()
  @IsIn(PAYMENT_STATUS_FILTER)
  status?: PaymentStatus;

  @ApiPropertyOptional({ enum: ['in', 'out'], example: 'in', description: 'in: received; out: refunds' })
  @IsOptional()
  @IsIn(['in', 'out'])
  direction?: 'in' | 'out';
}
