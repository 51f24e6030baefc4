import { ApiProperty } from '@nestjs/swagger';
import { STRIPE_ATTEMPT_STATUSES, StripeAttemptStatus } from '../stripe-payment-attempt.entity';

export class StripePaymentAttemptDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) invoiceId: string;
  @ApiProperty({ example: 1, description: 'Attempt number: the idempotency key sent to Stripe is `<invoiceId>:<attempt>`' }) attempt: number;
  @ApiProperty({ example: 'pi_3Q8x1YzAbCdEfGh', nullable: true, type: String, description: 'null while Stripe has not answered (retry the collection)' }) paymentIntentId: string | null;
  @ApiProperty({ example: '1200.00', description: 'Amount asked for (EUR)' }) amount: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ enum: STRIPE_ATTEMPT_STATUSES, example: 'pending', description: 'pending until Stripe reports the outcome by webhook (SEPA debits take days)' })
  status: StripeAttemptStatus;
  @ApiProperty({ example: null, nullable: true, type: String }) failureMessage: string | null;
  @ApiProperty({ format: 'uuid', example: null, nullable: true, type: String, description: 'The payment recorded when the debit succeeded' }) paymentId: string | null;
  @ApiProperty({ example: '2026-11-24T09:30:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-11-24T09:30:00.000Z' }) updatedAt: string;
}

export class StripePaymentAttemptListDto {
  @ApiProperty({ type: [StripePaymentAttemptDto] }) data: StripePaymentAttemptDto[];
}
