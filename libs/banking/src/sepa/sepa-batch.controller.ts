import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { zipFiles } from '@comptoir/platform/storage';
import { CreateSepaBatchDto, RejectSepaItemDto, SepaBatchDetailDto, SepaBatchItemDto, SepaBatchListDto, SepaBatchResponseDto, SepaFileQuery, SettleSepaBatchDto } from './sepa-batch.dto';
import { toSepaBatchDetailDto, toSepaBatchDto, toSepaItemDto } from './sepa-batch.mapper';
import { SepaBatchQueries } from './sepa-batch-queries';
import { SepaBatchService } from './sepa-batch.service';
import { SepaSettlementService } from './sepa-settlement.service';

const actorOf = (ctx: TenantContext) => (ctx.actor.type === 'system' ? null : ctx.actor.id);

@ApiTags('SEPA direct debit')
@ApiBearerAuth()
@Controller('v1/sepa/batches')
export class SepaBatchController {
  constructor(
    private readonly batches: SepaBatchService,
    private readonly settlement: SepaSettlementService,
    private readonly queries: SepaBatchQueries,
  ) {}

  @Post()
  @RequireScope('banking:write')
  @ApiOperation({
    operationId: 'createSepaBatch',
    summary: 'Build a SEPA direct-debit file from invoices: all collectable or none (422 sepa_batch_invalid lists every invoice that cannot be collected and why)',
  })
  @ApiCreatedResponse({ type: SepaBatchResponseDto })
  @ApiProblems(400, 401, 403, 422)
  async create(@Tenant() ctx: TenantContext, @Body() body: CreateSepaBatchDto): Promise<SepaBatchResponseDto> {
    return toSepaBatchDto(await this.batches.create(ctx, body, actorOf(ctx)));
  }

  @Get()
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'listSepaBatches', summary: 'List the latest SEPA batches (200), newest first' })
  @ApiOkResponse({ type: SepaBatchListDto })
  @ApiProblems(401, 403)
  async list(@Tenant() ctx: TenantContext): Promise<SepaBatchListDto> {
    return { data: (await this.queries.list(ctx)).map(toSepaBatchDto) };
  }

  @Get(':id')
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'getSepaBatch', summary: 'Get a SEPA batch with its debits' })
  @ApiOkResponse({ type: SepaBatchDetailDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<SepaBatchDetailDto> {
    const { batch, items } = await this.queries.get(ctx, id);
    return toSepaBatchDetailDto(batch, items);
  }

  @Get(':id/file')
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'getSepaBatchFile', summary: 'Download the pain.008 XML file of a batch (as stored when it was built), or zipped with format=zip' })
  @ApiProduces('application/xml', 'application/zip')
  @ApiOkResponse({
    description: 'The file',
    content: { 'application/xml': { schema: { type: 'string', format: 'binary' } }, 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async file(@Tenant() ctx: TenantContext, @IdParam() id: string, @Query() query: SepaFileQuery, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { batch, xml } = await this.queries.file(ctx, id);
    const name = `${batch.messageId}.xml`;
    if (query.format === 'zip') {
      const zip = await zipFiles([{ path: name, bytes: xml }], batch.createdAt);
      res.setHeader('Content-Disposition', `attachment; filename="${batch.messageId}.zip"`);
      return new StreamableFile(zip, { type: 'application/zip', length: zip.length });
    }
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    return new StreamableFile(xml, { type: 'application/xml', length: xml.length });
  }

  @Post(':id/settle')
  @HttpCode(200)
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'settleSepaBatch', summary: 'Record the collection as received: a direct_debit payment per debit, allocated to its invoice' })
  @ApiOkResponse({ type: SepaBatchResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async settle(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: SettleSepaBatchDto): Promise<SepaBatchResponseDto> {
    return toSepaBatchDto(await this.settlement.settle(ctx, id, body.date, actorOf(ctx)));
  }

  @Post(':id/rejects')
  @RequireScope('banking:write')
  @ApiOperation({ operationId: 'rejectSepaDebit', summary: "Record a debit the bank rejected: its payment is cancelled if recorded, the invoice is open again" })
  @ApiCreatedResponse({ type: SepaBatchItemDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async reject(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: RejectSepaItemDto): Promise<SepaBatchItemDto> {
    return toSepaItemDto(await this.settlement.reject(ctx, id, body, actorOf(ctx)));
  }
}
