import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '@comptoir/platform/http';
import { CLOSING_KINDS, ClosingKind } from '../closing.types';

export class CreateClosingDto {
  @ApiProperty({ description: 'A month "2026-10", or a fiscal year "2026" named by the calendar year it ends in', example: '2026-10' })
  @IsString()
  @MaxLength(7)
  period: string;

  @ApiProperty({ enum: CLOSING_KINDS, example: 'month' })
  @IsIn(CLOSING_KINDS)
  kind: ClosingKind;
}

export class ListClosingsQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: CLOSING_KINDS, example: 'month' })
  @IsOptional()
  @IsIn(CLOSING_KINDS)
  kind?: ClosingKind;
}

export class VatTotalDto {
  @ApiProperty({ example: '20.00' })
  rate: string;

  @ApiProperty({ example: 'S' })
  category: string;

  @ApiProperty({ example: '1000.00' })
  base: string;

  @ApiProperty({ example: '200.00' })
  amount: string;
}

export class DocumentCountDto {
  @ApiProperty({ example: 12 })
  invoice: number;

  @ApiProperty({ example: 1 })
  credit_note: number;

  @ApiProperty({ example: 2 })
  deposit: number;
}

export class PeriodTotalsDto {
  @ApiProperty({ type: DocumentCountDto })
  count: DocumentCountDto;

  @ApiProperty({ description: 'Invoices and deposits minus credit notes', example: '1000.00' })
  net: string;

  @ApiProperty({ type: [VatTotalDto] })
  vat: VatTotalDto[];

  @ApiProperty({ example: '1200.00' })
  gross: string;
}

export class ClosingTotalsDto {
  @ApiProperty({ type: PeriodTotalsDto, description: 'Documents dated in the period' })
  period: PeriodTotalsDto;

  @ApiProperty({ type: PeriodTotalsDto, description: 'From the start of the fiscal year to the end of the period' })
  fiscalYearToDate: PeriodTotalsDto;

  @ApiProperty({ type: PeriodTotalsDto, description: 'Everything sealed up to the end of the period' })
  perpetual: PeriodTotalsDto;
}

export class ClosingResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ enum: CLOSING_KINDS, example: 'month' })
  kind: ClosingKind;

  @ApiProperty({ example: '2026-10' })
  period: string;

  @ApiProperty({ format: 'date', example: '2026-10-01' })
  startDate: string;

  @ApiProperty({ format: 'date', example: '2026-10-31' })
  endDate: string;

  @ApiProperty({ type: ClosingTotalsDto })
  totals: ClosingTotalsDto;

  @ApiProperty({ description: 'seq of the closing entry in the sealed journal', example: 1281 })
  sealSeq: number;

  @ApiProperty({ format: 'date', description: 'The archive and the records are kept until then (10 years)', example: '2036-10-31' })
  retainUntil: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-02T08:00:00.000Z' })
  createdAt: string;
}

export class ClosingPageDto {
  @ApiProperty({ type: [ClosingResponseDto] })
  data: ClosingResponseDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor: string | null;
}
