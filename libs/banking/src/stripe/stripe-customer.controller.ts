import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope, Tenant } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { TenantContext } from '@comptoir/platform/kernel';
import { RegisterStripeCustomerDto, StripeCustomerResponseDto } from './dto/stripe-customer.dto';
import { StripeCustomerService } from './stripe-customer.service';

@ApiTags('Stripe')
@ApiBearerAuth()
@Controller('v1/accounts/:id/stripe-customer')
export class StripeCustomerController {
  constructor(private readonly customers: StripeCustomerService) {}

  @Get()
  @RequireScope('banking:read')
  @ApiOperation({ operationId: 'getStripeCustomer', summary: 'Whether the customer is registered at Stripe for SEPA debits, and with which bank account' })
  @ApiOkResponse({ type: StripeCustomerResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Tenant() ctx: TenantContext, @IdParam() id: string): Promise<StripeCustomerResponseDto> {
    return this.customers.get(ctx, id);
  }

  @Post()
  @HttpCode(200)
  @RequireScope('banking:write')
  @ApiOperation({
    operationId: 'registerStripeCustomer',
    summary: "Register (or update) the customer at Stripe with the IBAN of one of its bank accounts as SEPA debit payment method (mandate accepted offline); 503 stripe_unavailable is safe to retry",
  })
  @ApiOkResponse({ type: StripeCustomerResponseDto })
  @ApiProblems(400, 401, 403, 404, 422, 503)
  register(@Tenant() ctx: TenantContext, @IdParam() id: string, @Body() body: RegisterStripeCustomerDto): Promise<StripeCustomerResponseDto> {
    return this.customers.register(ctx, id, body);
  }
}
