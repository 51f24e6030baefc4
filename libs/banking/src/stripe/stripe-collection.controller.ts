import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { TenantContext } from '@comptoir/platform/kernel';
import { StripePaymentAttemptDto, StripePaymentAttemptListDto } from './dto/stripe-collection.dto';
import { StripeCollectionService } from './stripe-collection.service';

@ApiTags('Stripe')
@ApiBearerAuth()
@Controller('v1/invoices/:id')
export class StripeCollectionController {
  constructor(private readonly collections: StripeCollectionService) {}

  @Post('stripe-collect')
  @RequireScope('banking:write')
  @ApiOperation({
    operationId: 'collectInvoiceWithStripe',
    summary:
      'Debit the open balance by SEPA through Stripe (PaymentIntent, idempotency key `<invoiceId>:<attempt>`); the invoice is collection-pending until the webhook reports the outcome. 503 stripe_unavailable is safe to retry',
  })
  @ApiCreatedResponse({ type: StripePaymentAttemptDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 503)
  collect(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<StripePaymentAttemptDto> {
    return this.collections.collect(ctx, id);
  }

  @Get('stripe-payments')
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'listInvoiceStripePayments', summary: "The invoice's Stripe collection attempts, latest first" })
  @ApiOkResponse({ type: StripePaymentAttemptListDto })
  @ApiProblems(400, 401, 403, 404)
  async history(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<StripePaymentAttemptListDto> {
    return { data: await this.collections.history(ctx, id) };
  }
}
