import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, RequireScope, Tenant } from '@comptoir/platform/auth';
import { TenantDb } from '@comptoir/platform/database';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { TenantContext } from '@comptoir/platform/kernel';
import { CallbackReceiptDto, InboxDto, SellerStatusDto, TransmissionDto } from './dto/transmission.dto';
import { FAKE_SIGNATURE_HEADER } from './fake/fake-signature';
import { PlatformCallbacks } from './callbacks.service';
import { PlatformConnections } from './platform-connections';
import { NO_PLATFORM } from './platform-registry';
import { SellerStatusService } from './seller-status.service';
import { TransmissionService } from './transmission.service';

/** Where the raw body is kept (apps/api bootstrap): callbacks are verified over the exact bytes. */
export const PLATFORM_CALLBACK_ROUTE = '/api/v1/einvoicing/platforms/:platform/callbacks';

@ApiTags('E-invoicing')
@Controller('v1')
export class PlatformController {
  constructor(
    private readonly db: TenantDb,
    private readonly transmissions: TransmissionService,
    private readonly sellerStatuses: SellerStatusService,
    private readonly callbacks: PlatformCallbacks,
    private readonly connections: PlatformConnections,
  ) {}

  @Post('invoices/:id/einvoice/submit')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireScope('billing:write')
  @ApiOperation({
    operationId: 'submitInvoiceEInvoice',
    summary: 'Hand the e-invoice to the company’s approved platform',
    description:
      'Deposits the stored original in the transmit format of the e-invoicing settings. Idempotent: a document already on the platform is not deposited again, the answer says where it stands. Only domestic B2B e-invoices are transmitted: B2C and international sales answer 409 einvoice_not_transmissible (they are e-reported). 422 einvoicing_platform_not_set when no platform is chosen; 502 einvoice_submission_failed when the platform refused or could not be reached (recorded as failed: submit again).',
  })
  @ApiOkResponse({ type: TransmissionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 502)
  submit(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<TransmissionDto> {
    return this.transmissions.submit(ctx, id);
  }

  @Post('invoices/:id/einvoice/lifecycle')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireScope('billing:write')
  @ApiOperation({
    operationId: 'emitInvoiceEInvoiceStatus',
    summary: 'Send a status the seller emits (212 cashed in, 207 disputed, 209 completed)',
    description:
      'Checked against where the e-invoice stands (409 einvoice_status_not_allowed with the reason), stored in its lifecycle and forwarded to the platform as a CDAR message. 212 carries the cash received per VAT rate.',
  })
  @ApiOkResponse({ type: TransmissionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 502)
  emit(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: SellerStatusDto): Promise<TransmissionDto> {
    return this.sellerStatuses.emit(ctx, id, body);
  }

  @Post('einvoicing/platforms/:platform/callbacks')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    security: [],
    operationId: 'receivePlatformCallback',
    summary: 'Lifecycle statuses from an approved platform (CDAR D22B messages)',
    description:
      'No credentials: the platform signs the raw body with the company’s secret (the fake platform: HMAC-SHA-256 in X-Fake-Platform-Signature). The company is found from the flows the message names; a bad signature answers 401 platform_signature_invalid and changes nothing; a status delivered twice is stored once.',
  })
  @ApiParam({ name: 'platform', example: 'fake', description: 'A registered platform adapter' })
  @ApiHeader({ name: FAKE_SIGNATURE_HEADER, required: false, description: 'The fake platform’s signature: sha256=<hex HMAC-SHA-256 of the raw body>' })
  @ApiConsumes('application/xml')
  @ApiBody({ description: 'A CDAR D22B CrossDomainAcknowledgementAndResponse message, verified byte for byte', schema: { type: 'string' } })
  @ApiOkResponse({ type: CallbackReceiptDto })
  @ApiProblems(400, 401, 404, 422)
  receive(@Param('platform') platform: string, @Req() req: Request): Promise<CallbackReceiptDto> {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return this.callbacks.receive(platform, req.headers, body);
  }

  @Get('einvoicing/inbox')
  @ApiBearerAuth()
  @RequireScope('billing:read')
  @ApiOperation({
    operationId: 'listEInvoicingInbox',
    summary: 'Invoices addressed to the company, as its platform holds them',
    description: 'Read from the platform on each call, not stored: supplier invoices are a later issue. Empty, with platform `none`, when no platform is chosen.',
  })
  @ApiOkResponse({ type: InboxDto })
  @ApiProblems(401, 403)
  async inbox(@Tenant() ctx: TenantContext): Promise<InboxDto> {
    const opened = await this.db.transaction(ctx, (tx) => this.connections.openChosen(tx));
    if (!opened) return { platform: NO_PLATFORM, data: [] };
    const { platform } = opened;
    const flows = await platform.receive(null);
    return {
      platform: platform.name,
      data: flows.map((f) => ({ platformRef: f.platformRef, format: f.format, filename: f.filename, contentType: f.contentType, size: f.bytes.length, receivedAt: f.receivedAt.toISOString() })),
    };
  }
}
