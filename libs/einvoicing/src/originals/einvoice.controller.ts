import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { EInvoiceFormatQuery } from './dto/einvoice-format.query';
import { EInvoiceStatusDto } from './dto/einvoice-status.dto';
import { EInvoiceOriginals } from './einvoice-originals.service';
import { EInvoiceStatusReader } from './einvoice-status.reader';

const BINARY = { schema: { type: 'string', format: 'binary' } };

/** The e-invoice originals of validated invoices, credit notes and deposit invoices, and where each stands. */
@ApiTags('E-invoicing')
@ApiBearerAuth()
@Controller('v1/invoices')
export class EInvoiceController {
  constructor(
    private readonly db: TenantDb,
    private readonly originals: EInvoiceOriginals,
    private readonly statuses: EInvoiceStatusReader,
  ) {}

  @Get(':id/einvoice')
  @RequireScope('billing:read')
  @ApiOperation({
    operationId: 'getInvoiceEInvoice',
    summary: 'The e-invoice of a validated invoice: Factur-X PDF/A-3, CII or UBL',
    description:
      'Served byte for byte from the stored original (written once from the sealed snapshot, its SHA-256 sealed in the ledger and sent as the ETag); made now if the worker has not made it yet. Drafts have none (404).',
  })
  @ApiProduces('application/pdf', 'application/xml')
  @ApiOkResponse({ description: 'The original file', content: { 'application/pdf': BINARY, 'application/xml': BINARY } })
  @ApiProblems(400, 401, 403, 404, 409, 503)
  async download(@Tenant() ctx: TenantContext, @IdParam() id: string, @Query() query: EInvoiceFormatQuery, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.originals.download(ctx, id, query.format);
    res.setHeader('ETag', `"${file.sha256}"`);
    return new StreamableFile(file.bytes, { type: file.contentType, disposition: `attachment; filename="${file.filename}"`, length: file.bytes.length });
  }

  @Get(':id/einvoice/status')
  @RequireScope('billing:read')
  @ApiOperation({
    operationId: 'getInvoiceEInvoiceStatus',
    summary: 'Where the e-invoice of a validated invoice stands',
    description: 'Its e-invoice data frozen at validation (scope, flow, billing mode, warnings), its originals with their SHA-256, and the platform lifecycle. `pending` until the originals are made.',
  })
  @ApiOkResponse({ type: EInvoiceStatusDto })
  @ApiProblems(400, 401, 403, 404)
  status(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<EInvoiceStatusDto> {
    return this.db.transaction(ctx, (tx) => this.statuses.status(tx, id));
  }
}
