import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '@comptoir/platform/http';

export class EReportingQuery {
  @ApiProperty({ format: 'date', example: '2026-11-01' }) @IsCalendarDate() from: string;
  @ApiProperty({ format: 'date', example: '2026-11-30' }) @IsCalendarDate() to: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: for French Excel (BOM, `;`, decimal comma)' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class DailyB2CSalesDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '20.00' }) rate: string;
  @ApiProperty({ example: 3, description: 'Documents with sales at this rate that day' }) count: number;
  @ApiProperty({ example: '150.00' }) net: string;
  @ApiProperty({ example: '30.00' }) vat: string;
  @ApiProperty({ example: '180.00' }) gross: string;
}

export class InternationalSaleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'FA-2026-00042' }) number: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: ['invoice', 'deposit', 'credit_note'] }) kind: string;
  @ApiProperty({ example: 'Holzbau GmbH' }) buyerName: string;
  @ApiProperty({ type: String, nullable: true, example: 'DE' }) buyerCountry: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'DE123456789' }) buyerVatNumber: string | null;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '1000.00', description: 'Negative for a credit note' }) net: string;
  @ApiProperty({ example: '0.00' }) vat: string;
  @ApiProperty({ example: '1000.00' }) gross: string;
}

export class ServicePaymentsDto {
  @ApiProperty({ format: 'date', description: 'The day the cash was received' }) date: string;
  @ApiProperty({ example: '20.00' }) rate: string;
  @ApiProperty({ example: '600.00', description: 'Cash received, VAT included' }) received: string;
  @ApiProperty({ example: '100.00' }) vat: string;
}

export class EReportDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [DailyB2CSalesDto] }) b2cSales: DailyB2CSalesDto[];
  @ApiProperty({ type: [InternationalSaleDto] }) internationalSales: InternationalSaleDto[];
  @ApiProperty({ type: [ServicePaymentsDto], description: 'Cash received on service invoices (VAT on receipts), all flows: domestic B2B ones are also sent as 212 cashed-in statuses' })
  servicePayments: ServicePaymentsDto[];
}
