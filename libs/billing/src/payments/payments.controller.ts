import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { TenantContext } from '@comptoir/platform/kernel';
import { loadDocument } from '../document/document-store';
import { ApplyAllocationsDto, CancelPaymentDto, ListPaymentsQuery, RecordPaymentDto, RecordRefundDto } from './dto/payment-requests.dto';
import { AllocationListDto, PaymentDetailDto, PaymentPageDto } from './dto/payment-response.dto';
import { CreditSettlementService } from './credit-settlement.service';
import { accountNames, allocationsOf, listPayments } from './payment-queries';
import { toPaymentDetailDto, toPaymentDto } from './payment.mapper';
import { loadPayment } from './payment-store';
import { PaymentEntity } from './payment.entity';
import { PaymentService } from './payment.service';

/** The user or API key acting (system work records none). */
const actorOf = (ctx: TenantContext) => (ctx.actor.type === 'system' ? null : ctx.actor.id);

async function detail(tx: TenantTx, payment: PaymentEntity): Promise<PaymentDetailDto> {
  const names = await accountNames(tx, [payment.accountId]);
  return toPaymentDetailDto(payment, names.get(payment.accountId) ?? '', await allocationsOf(tx, payment.id));
}

@ApiTags('Payments')
@ApiBearerAuth()
@Controller('v1/payments')
export class PaymentsController {
  constructor(
    private readonly db: TenantDb,
    private readonly payments: PaymentService,
  ) {}

  @Get()
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'listPayments', summary: 'List payments and refunds (filters, cursor pagination, newest first)' })
  @ApiOkResponse({ type: PaymentPageDto })
  @ApiProblems(400, 401, 403)
  list(@Tenant() ctx: TenantContext, @Query() query: ListPaymentsQuery): Promise<PaymentPageDto> {
    return this.db.transaction(ctx, async (tx) => {
      const page = await listPayments(tx, query);
      return { data: page.data.map((p) => toPaymentDto(p, page.accountNames.get(p.accountId) ?? '')), nextCursor: page.nextCursor };
    });
  }

  @Post()
  @RequireScope('billing:write')
  @ApiOperation({
    operationId: 'recordPayment',
    summary: 'Record a payment received, allocated to invoices of the customer (the rest is kept as customer credit); sealed in the ledger',
  })
  @ApiCreatedResponse({ type: PaymentDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  record(@Tenant() ctx: TenantContext, @Body() body: RecordPaymentDto): Promise<PaymentDetailDto> {
    const { direction: _in, allocations, ...fields } = body;
    return this.db.transaction(ctx, async (tx) => detail(tx, await this.payments.record(tx, { ...fields, allocations: allocations ?? [] }, actorOf(ctx))));
  }

  @Get(':id')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'getPayment', summary: 'A payment or refund with its allocations (reversals included)' })
  @ApiOkResponse({ type: PaymentDetailDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<PaymentDetailDto> {
    return this.db.transaction(ctx, async (tx) => detail(tx, await loadPayment(tx, id)));
  }

  @Post(':id/allocations')
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'allocatePayment', summary: 'Apply the customer credit left on a payment to open invoices of the same customer' })
  @ApiCreatedResponse({ type: PaymentDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  allocate(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: ApplyAllocationsDto): Promise<PaymentDetailDto> {
    return this.db.transaction(ctx, async (tx) => detail(tx, await this.payments.applyCredit(tx, id, body)));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'cancelPayment', summary: 'Cancel a payment or refund: reversing allocations dated on the cancellation (invoices re-open from that date), sealed; never deleted' })
  @ApiOkResponse({ type: PaymentDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  cancel(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: CancelPaymentDto): Promise<PaymentDetailDto> {
    return this.db.transaction(ctx, async (tx) => detail(tx, await this.payments.cancel(tx, id, body, actorOf(ctx))));
  }
}

@ApiTags('Payments')
@ApiBearerAuth()
@Controller('v1/refunds')
export class RefundsController {
  constructor(
    private readonly db: TenantDb,
    private readonly credits: CreditSettlementService,
  ) {}

  @Post()
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'recordRefund', summary: 'Pay back customer credit (credit notes, unallocated payments): an outgoing payment, sealed' })
  @ApiCreatedResponse({ type: PaymentDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  refund(@Tenant() ctx: TenantContext, @Body() body: RecordRefundDto): Promise<PaymentDetailDto> {
    return this.db.transaction(ctx, async (tx) => detail(tx, await this.credits.refund(tx, body, actorOf(ctx))));
  }
}

@ApiTags('Invoices')
@ApiBearerAuth()
@Controller('v1')
export class SettlementHistoryController {
  constructor(
    private readonly db: TenantDb,
    private readonly credits: CreditSettlementService,
  ) {}

  @Get('invoices/:id/payments')
  @RequireScope('billing:read')
  @ApiOperation({ operationId: 'listInvoicePayments', summary: 'What settled an invoice (payments, credit notes) or what a credit note was spent on, by date, reversals included' })
  @ApiOkResponse({ type: AllocationListDto })
  @ApiProblems(400, 401, 403, 404)
  history(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<AllocationListDto> {
    return this.db.transaction(ctx, async (tx) => ({ data: await allocationsOf(tx, (await loadDocument(tx, 'invoice', id)).id) }));
  }

  @Post('credit-notes/:id/allocations')
  @RequireScope('billing:write')
  @ApiOperation({ operationId: 'allocateCreditNote', summary: 'Spend the credit left on a validated credit note on open invoices of the same customer' })
  @ApiCreatedResponse({ type: AllocationListDto, description: 'Every allocation of the credit note' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  allocate(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: ApplyAllocationsDto): Promise<AllocationListDto> {
    return this.db.transaction(ctx, async (tx) => {
      await this.credits.allocate(tx, id, body);
      return { data: await allocationsOf(tx, id) };
    });
  }
}
