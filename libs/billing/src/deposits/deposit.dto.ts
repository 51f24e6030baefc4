import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsAmount, IsCalendarDate, IsPercent } from '@comptoir/platform/http';
import { SalesDocumentResponseDto } from '../document/dto/document-response.dto';
import { RecordPaymentDto } from '../payments/dto/payment-requests.dto';

/** Body of POST /orders/{id}/deposit-invoices (and /quotes): exactly one of percent, amount, installmentIndex. */
export class CreateDepositInvoiceDto {
  @ApiPropertyOptional({ example: '30', description: "Percent of the order's (quote's) gross total, more than 0" })
  @IsOptional()
  @IsPercent(2)
  percent?: string;

  @ApiPropertyOptional({ example: '342.60', description: 'Gross amount (tax included), more than 0' })
  @IsOptional()
  @IsAmount(2)
  amount?: string;

  @ApiPropertyOptional({ example: 0, minimum: 0, maximum: 23, description: 'A "deposit" installment of the payment schedule: its amount' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  installmentIndex?: number;

  @ApiPropertyOptional({ example: '2026-11-24', description: 'Date of the deposit invoice (default today), in an open period' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

/** Body of POST /orders/{id}/deposit-payments (and /quotes): the money received, invoiced as a deposit. */
export class RecordDepositPaymentDto extends PickType(RecordPaymentDto, ['date', 'method', 'amount', 'bankAccountId', 'reference'] as const) {}

export class DepositPaymentResponseDto {
  @ApiProperty({ type: SalesDocumentResponseDto, description: 'The deposit invoice, validated and paid' })
  invoice: SalesDocumentResponseDto;

  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'The payment recorded and allocated to it' })
  paymentId: string;
}
