import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { LedgerEntryDto, LedgerEntryPageDto, LedgerVerificationDto, ListLedgerEntriesQuery } from './dto/ledger.dto';
import { listLedgerEntries } from './ledger-entry-list';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { LedgerVerifier } from './ledger-verifier.service';

@ApiTags('Ledger')
@ApiBearerAuth()
@Controller('v1/ledger')
export class LedgerController {
  constructor(
    private readonly verifier: LedgerVerifier,
    private readonly db: TenantDb,
  ) {}

  @Get('verify')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'verifyLedger',
    summary: 'Recompute the sealed journal and check every sealed record and original file',
    description: 'Answers 200 either way: ok, or the first broken entry with the reason (hash_mismatch, sequence_gap, prev_hash_mismatch, head_mismatch, record_changed, record_missing, original_changed, original_missing).',
  })
  @ApiOkResponse({ type: LedgerVerificationDto })
  @ApiProblems(401, 403)
  verify(@Tenant() ctx: TenantContext): Promise<LedgerVerificationDto> {
    return this.verifier.verify(ctx);
  }

  @Get('entries')
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'listLedgerEntries', summary: 'List the sealed journal in chain order (cursor pagination)' })
  @ApiOkResponse({ type: LedgerEntryPageDto })
  @ApiProblems(400, 401, 403)
  async entries(@Tenant() ctx: TenantContext, @Query() query: ListLedgerEntriesQuery): Promise<LedgerEntryPageDto> {
    const page = await this.db.transaction(ctx, (tx) => listLedgerEntries(tx, query));
    return { data: page.data.map(toLedgerEntryDto), nextCursor: page.nextCursor };
  }
}

function toLedgerEntryDto(e: LedgerEntryEntity): LedgerEntryDto {
  return {
    id: e.id,
    seq: Number(e.seq),
    kind: e.kind,
    recordType: e.recordType,
    recordId: e.recordId,
    recordDate: e.recordDate,
    payload: e.payload,
    prevHash: e.prevHash,
    hash: e.hash,
    createdAt: e.createdAt.toISOString(),
  };
}
