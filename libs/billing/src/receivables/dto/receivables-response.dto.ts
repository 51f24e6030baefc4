import { ApiProperty } from '@nestjs/swagger';
import { AGING_BUCKETS, AgingBucket } from '../aged/aging-buckets';

const ID = '01934567-89ab-7cde-8f01-23456789abcd';

export class BucketAmountDto {
  @ApiProperty({ enum: AGING_BUCKETS, example: '1_30', description: 'Days overdue at the as-of date: not_due (≤ 0), 1–30, 31–60, 61–90, over 90' }) key: AgingBucket;
  @ApiProperty({ example: '1250.00' }) amount: string;
}

export class CustomerAgedBalanceDto {
  @ApiProperty({ format: 'uuid', example: ID }) accountId: string;
  @ApiProperty({ example: 'Boulangerie Martin' }) name: string;
  @ApiProperty({ type: [BucketAmountDto], description: 'The five buckets, always in the same order' }) buckets: BucketAmountDto[];
  @ApiProperty({ example: '1830.40' }) total: string;
}

export class AgedReceivablesDto {
  @ApiProperty({ example: '2026-06-30' }) asOf: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: [BucketAmountDto] }) buckets: BucketAmountDto[];
  @ApiProperty({ example: '48210.75' }) total: string;
  @ApiProperty({ type: [CustomerAgedBalanceDto], description: 'Customers with something open, largest balance first' }) customers: CustomerAgedBalanceDto[];
}

export class OpenInstallmentDto {
  @ApiProperty({ format: 'uuid', example: ID }) invoiceId: string;
  @ApiProperty({ example: 'FA2026-00042' }) number: string;
  @ApiProperty({ format: 'uuid', example: ID }) accountId: string;
  @ApiProperty({ example: '2026-04-02', description: 'Invoice date' }) date: string;
  @ApiProperty({ example: 1, description: 'Position in the payment schedule (0 for an invoice without one)' }) installment: number;
  @ApiProperty({ example: '2026-05-31' }) dueDate: string;
  @ApiProperty({ example: '600.00', description: 'What the installment asks for' }) amount: string;
  @ApiProperty({ example: '350.00', description: 'Still open on it at the as-of date' }) open: string;
  @ApiProperty({ example: 30, description: 'As-of date − due date (≤ 0: not due)' }) daysOverdue: number;
  @ApiProperty({ enum: AGING_BUCKETS, example: '1_30' }) bucket: AgingBucket;
}

export class OpenInstallmentListDto {
  @ApiProperty({ example: '2026-06-30' }) asOf: string;
  @ApiProperty({ type: [OpenInstallmentDto], description: 'Oldest due date first' }) data: OpenInstallmentDto[];
}

export class CustomerPaymentDelayDto {
  @ApiProperty({ format: 'uuid', example: ID }) accountId: string;
  @ApiProperty({ example: 'Boulangerie Martin' }) name: string;
  @ApiProperty({ example: 12.5, description: 'Amount-weighted mean of (date of the allocation that settled each installment − its due date); negative: paid early' }) averageDelayDays: number;
  @ApiProperty({ example: '5400.00', description: 'Installments measured (settled in the 365 days up to the as-of date)' }) settledAmount: string;
}

export class ReceivablesIndicatorsDto {
  @ApiProperty({ example: '2026-06-30' }) asOf: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '48210.75', description: 'Total of the aged balance at the as-of date' }) receivables: string;
  @ApiProperty({ example: '12040.10', description: 'Every bucket but not_due' }) overdue: string;
  @ApiProperty({ example: '96000.00', description: 'Amounts due of invoices and deposit invoices less credit notes dated in the 90 days up to the as-of date' }) sales90Days: string;
  @ApiProperty({ example: 45.2, nullable: true, type: Number, description: 'DSO = receivables ÷ sales90Days × 90, in days (one decimal); null without sales in the window' }) dsoDays: number | null;
  @ApiProperty({ example: '62.40', nullable: true, type: String, description: 'Percent of the receivables held by the 10 largest customer balances; null when nothing is owed' }) top10Concentration: string | null;
  @ApiProperty({ type: [CustomerPaymentDelayDto], description: 'Longest average delay first' }) paymentDelays: CustomerPaymentDelayDto[];
}

export class ForecastMonthDto {
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ example: '15200.00', description: 'Expected receipts' }) receipts: string;
  @ApiProperty({ example: '0.00', description: 'Expected payments (no source yet: supplier invoices will add them)' }) payments: string;
  @ApiProperty({ example: '15200.00' }) net: string;
}

export class ForecastOverdueDto {
  @ApiProperty({ example: '4300.00' }) receipts: string;
  @ApiProperty({ example: '0.00' }) payments: string;
}

export class SourceMonthDto {
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ example: '15200.00' }) amount: string;
}

export class ForecastSourceDto {
  @ApiProperty({ example: 'invoices', description: 'The source (invoices today; contracts and supplier invoices plug in later)' }) key: string;
  @ApiProperty({ enum: ['in', 'out'], example: 'in' }) direction: 'in' | 'out';
  @ApiProperty({ example: '4300.00' }) overdue: string;
  @ApiProperty({ type: [SourceMonthDto] }) months: SourceMonthDto[];
}

export class CashFlowForecastDto {
  @ApiProperty({ example: '2026-11-24' }) from: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: ForecastOverdueDto, description: 'Already due before `from` and still open: shown apart, not in the first month, because when it comes in is unknown' }) overdue: ForecastOverdueDto;
  @ApiProperty({ type: [ForecastMonthDto], description: '12 calendar months, the first being the month of `from`' }) months: ForecastMonthDto[];
  @ApiProperty({ type: [ForecastSourceDto] }) sources: ForecastSourceDto[];
}
