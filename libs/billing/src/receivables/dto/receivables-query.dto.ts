import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '@comptoir/platform/http';
import { AGING_BUCKETS, AgingBucket } from '../aged/aging-buckets';
import { ExportFormat } from '../receivables.service';

const ID_EXAMPLE = '01934567-89ab-7cde-8f01-23456789abcd';

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-06-30', description: "Payments and credit notes dated on or before it count (default: the company's today)" })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class AgedReceivablesQuery extends AsOfQuery {
  @ApiPropertyOptional({ format: 'uuid', example: ID_EXAMPLE, description: 'Invoices of this establishment' })
  @IsOptional()
  @IsUUID()
  establishmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: ID_EXAMPLE, description: "Customers of this sector (the customer's sector)" })
  @IsOptional()
  @IsUUID()
  sectorId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: ID_EXAMPLE, description: 'One customer' })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class AgedInvoicesQuery extends AsOfQuery {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE, description: 'The customer whose balance is drilled into' })
  @IsUUID()
  accountId: string;

  @ApiPropertyOptional({ enum: AGING_BUCKETS, example: '31_60', description: 'Only the installments of this bucket' })
  @IsOptional()
  @IsIn(AGING_BUCKETS)
  bucket?: AgingBucket;

  @ApiPropertyOptional({ format: 'uuid', example: ID_EXAMPLE })
  @IsOptional()
  @IsUUID()
  establishmentId?: string;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export class AgedReceivablesExportQuery extends AgedReceivablesQuery {
  @ApiProperty({ enum: EXPORT_FORMATS, example: 'csv' })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}

export class CashFlowForecastQuery {
  @ApiPropertyOptional({ example: '2026-11-24', description: "First day of the forecast (default: the company's today); its month is the first of the 12" })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
}
