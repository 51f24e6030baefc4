import { Body, Controller, Get, Logger, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { ClosingArchiveService } from './closing-archive.service';
import { ClosingService } from './closing.service';
import { ClosingPageDto, ClosingResponseDto, CreateClosingDto, ListClosingsQuery } from './dto/closing.dto';
import { LedgerClosingEntity } from './ledger-closing.entity';

@ApiTags('Closings')
@ApiBearerAuth()
@Controller('v1/closings')
export class ClosingController {
  private readonly logger = new Logger(ClosingController.name);

  constructor(
    private readonly closings: ClosingService,
    private readonly archives: ClosingArchiveService,
  ) {}

  @Post()
  @RequireScope('ledger:write')
  @ApiOperation({
    operationId: 'createClosing',
    summary: 'Close a month or a fiscal year',
    description:
      'Only ended periods (409 period_not_ended); months one after the other, a fiscal year once its months are closed (409 closing_out_of_sequence); 409 already_closed. Totals come from the sealed journal and are sealed in it.',
  })
  @ApiCreatedResponse({ type: ClosingResponseDto })
  @ApiProblems(400, 401, 403, 409)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateClosingDto): Promise<ClosingResponseDto> {
    const closing = await this.closings.close(ctx, body);
    // The archive is stored right away, outside the closing transaction (it reads many files); if that
    // fails the closing stands and the first download builds it.
    await this.archives.archive(ctx, closing.id).catch((error: unknown) => this.logger.warn(`Archive of closing ${closing.id} not stored yet: ${String(error)}`));
    return toClosingDto(closing);
  }

  @Get()
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'listClosings', summary: 'List closings, latest first (cursor pagination)' })
  @ApiOkResponse({ type: ClosingPageDto })
  @ApiProblems(400, 401, 403)
  async list(@Tenant() ctx: TenantContext, @Query() query: ListClosingsQuery): Promise<ClosingPageDto> {
    const page = await this.closings.list(ctx, query);
    return { data: page.data.map(toClosingDto), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'getClosing', summary: 'Get a closing with its totals' })
  @ApiOkResponse({ type: ClosingResponseDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<ClosingResponseDto> {
    return toClosingDto(await this.closings.get(ctx, id));
  }

  @Get(':id/archive')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getClosingArchive',
    summary: 'Download the archive of a closed period',
    description: 'A zip: data.json (sealed entries and totals), the original files, manifest.json (SHA-256 and size of every file) and manifest.sig (HMAC-SHA-256 of manifest.json with the seal key). Built once, then served from storage.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The archive', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 401, 403, 404)
  async archive(@Tenant() ctx: TenantContext, @IdParam() id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { closing, bytes } = await this.archives.archive(ctx, id);
    res.setHeader('Content-Disposition', `attachment; filename="closing-${closing.kind}-${closing.period}.zip"`);
    return new StreamableFile(bytes, { type: 'application/zip', length: bytes.length });
  }
}

function toClosingDto(c: LedgerClosingEntity): ClosingResponseDto {
  return {
    id: c.id,
    kind: c.kind,
    period: c.period,
    startDate: c.startDate,
    endDate: c.endDate,
    totals: c.totals,
    sealSeq: Number(c.sealSeq),
    retainUntil: c.retainUntil,
    createdAt: c.createdAt.toISOString(),
  };
}
