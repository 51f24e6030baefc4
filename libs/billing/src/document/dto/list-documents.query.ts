import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, ListQueryDto } from '@comptoir/platform/http';
import { DOCUMENT_STATUSES, DocumentStatus, INVOICE_KINDS, InvoiceKind, PAYMENT_STATUSES, PaymentStatusOfInvoice } from '../document-kinds';

export const DOCUMENT_SORTS = ['date', '-date', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

export class ListDocumentsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Search in number, title and customer name (accents and case ignored)', example: 'martin' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES, example: 'validated' })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({ enum: INVOICE_KINDS, example: 'credit_note', description: 'Invoices only' })
  @IsOptional()
  @IsIn(INVOICE_KINDS)
  kind?: InvoiceKind;

  @ApiPropertyOptional({ enum: PAYMENT_STATUSES, example: 'partially_paid', description: 'Invoices only: validated invoices and deposit invoices by payment status' })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  paymentStatus?: PaymentStatusOfInvoice;

  @ApiPropertyOptional({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Documents dated on or after' })
  @IsOptional()
  @IsCalendarDate()
  dateFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Documents dated on or before' })
  @IsOptional()
  @IsCalendarDate()
  dateTo?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_SORTS, default: '-date', example: '-date' })
  @IsOptional()
  @IsIn(DOCUMENT_SORTS)
  sort?: DocumentSort;
}
