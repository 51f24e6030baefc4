import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { DunningHistoryService } from './dunning-history.service';
import { DunningRunService } from './dunning-run.service';
import { toEventDto } from './dunning.mapper';
import { AsOfQuery, DunningEventsDto, DunningPreviewDto, RecoveryStatusDto, RecoveryStatusResponseDto } from './dunning.dto';

/** The dunning side of one invoice: its follow-up history, the preview of its next mail and its recovery status. */
@ApiTags('Dunning')
@ApiBearerAuth()
@Controller('v1/invoices')
export class InvoiceDunningController {
  constructor(
    private readonly history: DunningHistoryService,
    private readonly runs: DunningRunService,
  ) {}

  @Get(':id/dunning')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'getInvoiceDunning', summary: 'Follow-up history of an invoice: every dunning step planned, with its mail status' })
  @ApiOkResponse({ type: DunningEventsDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<DunningEventsDto> {
    return { data: (await this.history.forInvoice(ctx, id)).map(toEventDto) };
  }

  @Get(':id/dunning/preview')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'previewInvoiceDunningMail', summary: 'The mail the next dunning step of the invoice would send (merge fields resolved; nothing is planned)' })
  @ApiOkResponse({ type: DunningPreviewDto })
  @ApiProblems(400, 401, 403, 404)
  async preview(@Tenant() ctx: TenantContext, @IdParam() id: string, @Query() query: AsOfQuery): Promise<DunningPreviewDto> {
    const { step, dueOn, mail } = await this.runs.preview(ctx, id, query.asOf);
    return {
      invoiceId: id,
      step: step ? { id: step.id, name: step.name, dueOn } : null,
      mail: mail ? { to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })) } : null,
    };
  }

  @Put(':id/recovery-status')
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'setInvoiceRecoveryStatus', summary: 'Flag an invoice disputed, in judicial recovery or factored (null clears it): its dunning is suspended meanwhile' })
  @ApiOkResponse({ type: RecoveryStatusResponseDto })
  @ApiProblems(400, 401, 403, 404, 422)
  set(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: RecoveryStatusDto): Promise<RecoveryStatusResponseDto> {
    return this.history.setRecoveryStatus(ctx, id, body.status);
  }
}
