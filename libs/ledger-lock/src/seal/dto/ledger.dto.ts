import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, ListQueryDto } from '@comptoir/platform/http';
import { BREAK_REASONS, BreakReason } from '../chain-verifier';
import { SEAL_KINDS, SealKind } from '../seal.types';

const UUID_EXAMPLE = '01934567-89ab-7cde-8f01-23456789abcd';
const HASH_EXAMPLE = '3f5a0c1e9b7d2a4c6e8f0a1b3c5d7e9f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d';

export class BrokenEntryDto {
  @ApiProperty({ example: 42 })
  seq: number;

  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;

  @ApiProperty({ enum: SEAL_KINDS, example: 'invoice' })
  kind: string;

  @ApiProperty({ example: 'invoice' })
  recordType: string;

  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  recordId: string;
}

export class LedgerVerificationDto {
  @ApiProperty({ example: true })
  ok: boolean;

  @ApiProperty({ description: 'Entries found intact: all of them when ok, those before the first broken one otherwise', example: 1280 })
  entries: number;

  @ApiPropertyOptional({ description: 'Hash of the last entry (when ok)', example: HASH_EXAMPLE })
  lastHash?: string;

  @ApiPropertyOptional({ type: BrokenEntryDto, nullable: true, description: 'The first entry found broken (null when the chain is empty but its head is not)' })
  firstBrokenEntry?: BrokenEntryDto | null;

  @ApiPropertyOptional({ enum: BREAK_REASONS, example: 'record_changed' })
  reason?: BreakReason;

  @ApiPropertyOptional({ example: 'The invoice 0193… differs from what entry 42 sealed, first at "customer.name"' })
  detail?: string;

  @ApiPropertyOptional({ description: 'For record_changed: path of the first field that differs', example: 'customer.name' })
  field?: string;
}

export class LedgerEntryDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;

  @ApiProperty({ example: 42 })
  seq: number;

  @ApiProperty({ enum: SEAL_KINDS, example: 'invoice' })
  kind: SealKind;

  @ApiProperty({ example: 'invoice' })
  recordType: string;

  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  recordId: string;

  @ApiProperty({ format: 'date', example: '2026-10-14' })
  recordDate: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The sealed canonical snapshot', example: { number: 'FA2026-00042', totals: { net: '100.00', gross: '120.00' } } })
  payload: Record<string, unknown>;

  @ApiProperty({ example: HASH_EXAMPLE })
  prevHash: string;

  @ApiProperty({ example: HASH_EXAMPLE })
  hash: string;

  @ApiProperty({ format: 'date-time', example: '2026-10-14T09:12:00.000Z' })
  createdAt: string;
}

export class LedgerEntryPageDto {
  @ApiProperty({ type: [LedgerEntryDto] })
  data: LedgerEntryDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor: string | null;
}

export class ListLedgerEntriesQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: SEAL_KINDS, example: 'invoice' })
  @IsOptional()
  @IsIn(SEAL_KINDS)
  kind?: SealKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Entries of one record (its document entry and its originals carry its id)', example: UUID_EXAMPLE })
  @IsOptional()
  @IsUUID()
  recordId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Record date on or after', example: '2026-10-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Record date on or before', example: '2026-10-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
