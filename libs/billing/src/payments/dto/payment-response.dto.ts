import { ApiProperty } from '@nestjs/swagger';
import { PAYMENT_METHODS, PaymentMethod } from '@comptoir/crm';
import { PageOf } from '@comptoir/platform/http';
import type { AllocationSource, AllocationTarget } from '../payment-allocation.entity';
import type { PaymentDirection, PaymentStatus } from '../payment.entity';

const ID_EXAMPLE = '01934567-89ab-7cde-8f01-23456789abcd';

/** One dated movement of money from a payment or credit note to an invoice or refund. */
export class AllocationResponseDto {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE }) id: string;
  @ApiProperty({ enum: ['payment', 'credit_note'], example: 'payment' }) sourceType: AllocationSource;
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE }) sourceId: string;
  @ApiProperty({ example: 'Virement VIR-1142', description: 'Credit note number, or payment method and reference' }) sourceLabel: string;
  @ApiProperty({ enum: ['invoice', 'refund'], example: 'invoice' }) targetType: AllocationTarget;
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE }) targetId: string;
  @ApiProperty({ example: 'FA2026-00042', description: 'Invoice number, or refund reference' }) targetLabel: string;
  @ApiProperty({ example: '120.00', description: 'Negative on a reversal' }) amount: string;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The allocation this row reverses (a cancellation)' }) reversesId: string | null;
}

export class PaymentResponseDto {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE }) id: string;
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE }) accountId: string;
  @ApiProperty({ example: 'Boulangerie Martin' }) accountName: string;
  @ApiProperty({ enum: ['in', 'out'], example: 'in', description: 'in: received from the customer; out: a refund' }) direction: PaymentDirection;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty({ enum: PAYMENT_METHODS, example: 'transfer' }) method: PaymentMethod;
  @ApiProperty({ example: '300.00' }) amount: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '0.00', description: 'Customer credit left on an incoming payment' }) unallocated: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) bankAccountId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'VIR-1142' }) reference: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) note: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) externalRef: string | null;
  @ApiProperty({ enum: ['recorded', 'cancelled'], example: 'recorded' }) status: PaymentStatus;
  @ApiProperty({ nullable: true, type: String, example: null }) cancelledOn: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) cancelReason: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt: string;
}

export class PaymentDetailDto extends PaymentResponseDto {
  @ApiProperty({ type: [AllocationResponseDto], description: 'Everything it settled or funded, reversals included, by date' }) allocations: AllocationResponseDto[];
}

export class PaymentPageDto extends PageOf(PaymentResponseDto) {}

export class AllocationListDto {
  @ApiProperty({ type: [AllocationResponseDto] }) data: AllocationResponseDto[];
}
