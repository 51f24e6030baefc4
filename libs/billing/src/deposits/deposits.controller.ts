import { Body, Controller, Post, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantContext } from '@comptoir/platform/kernel';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { toDto } from '../document/document-controller.base';
import { TYPE_ROUTES } from '../document/document-kinds';
import { SalesDocumentResponseDto } from '../document/dto/document-response.dto';
import { CreateDepositInvoiceDto, DepositPaymentResponseDto, RecordDepositPaymentDto } from './deposit.dto';
import { DepositInvoiceService, DepositSourceType } from './deposit-invoice.service';

/** /orders/{id}/deposit-… and /quotes/{id}/deposit-…, written once (operation ids createOrderDepositInvoice…). */
function depositsController(type: DepositSourceType): Type<unknown> {
  const { path, singular, tag } = TYPE_ROUTES[type];
  const label = type === 'order' ? 'order' : 'quote';

  @ApiTags(tag)
  @ApiBearerAuth()
  @Controller(`v1/${path}`)
  class DepositsController {
    constructor(readonly deposits: DepositInvoiceService) {}

    @Post(':id/deposit-invoices')
    @RequireScope('billing:write')
    @ApiOperation({
      operationId: `create${singular}DepositInvoice`,
      summary: `Issue a deposit invoice on a validated ${label}: created and validated at once (deposit series, sealed), one line per VAT rate of the ${label} pro rata`,
      description: `Exactly one of percent (of the ${label}'s gross), amount (gross) or installmentIndex (a deposit installment of its schedule). The deposits of a ${label} never exceed its gross (422 deposit_exceeds_remaining).`,
    })
    @ApiCreatedResponse({ type: SalesDocumentResponseDto, description: 'The validated deposit invoice' })
    @ApiProblems(400, 401, 403, 404, 409, 422)
    async createInvoice(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: CreateDepositInvoiceDto): Promise<SalesDocumentResponseDto> {
      return toDto(await this.deposits.create(ctx, type, id, body));
    }

    @Post(':id/deposit-payments')
    @RequireScope('billing:write')
    @ApiOperation({
      operationId: `record${singular}DepositPayment`,
      summary: `Record a deposit received on a validated ${label}: a deposit invoice for that gross amount and the payment allocated to it, atomically`,
    })
    @ApiCreatedResponse({ type: DepositPaymentResponseDto })
    @ApiProblems(400, 401, 403, 404, 409, 422)
    async recordPayment(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: RecordDepositPaymentDto): Promise<DepositPaymentResponseDto> {
      const { invoice, paymentId } = await this.deposits.recordPayment(ctx, type, id, body);
      return { invoice: toDto(invoice), paymentId };
    }
  }
  Object.defineProperty(DepositsController, 'name', { value: `${singular}DepositsController` });
  return DepositsController;
}

export const OrderDepositsController = depositsController('order');
export const QuoteDepositsController = depositsController('quote');
