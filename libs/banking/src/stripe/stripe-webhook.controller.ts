import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@comptoir/platform/auth';
import { ApiProblems, IdParam } from '@comptoir/platform/http';
import { StripeWebhookReceiptDto } from './dto/stripe-webhook.dto';
import { StripeWebhookService } from './stripe-webhook.service';

/** Where the raw body is kept (apps/api bootstrap): the signature is computed over the exact bytes. */
export const STRIPE_WEBHOOK_ROUTE = '/api/v1/stripe/webhooks';

@ApiTags('Stripe')
@Controller('v1/stripe/webhooks')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Post(':companyId')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    security: [],
    operationId: 'receiveStripeWebhook',
    summary:
      "Stripe's webhook for one company (declare it in the Stripe dashboard): no credentials, the Stripe-Signature of the company's signing secret instead. Each event is handled once; unknown events are acknowledged and ignored",
  })
  @ApiHeader({ name: 'Stripe-Signature', required: true, description: 't=<timestamp>,v1=<HMAC-SHA256 of the raw body>' })
  @ApiBody({ description: 'A Stripe event, verified byte for byte', schema: { type: 'object', additionalProperties: true, example: { id: 'evt_1Q8x1YzAbCdEfGh', type: 'payment_intent.succeeded', data: { object: { id: 'pi_3Q8x1YzAbCdEfGh' } } } } })
  @ApiOkResponse({ type: StripeWebhookReceiptDto })
  @ApiProblems(400, 404)
  receive(@IdParam('companyId') companyId: string, @Req() req: Request, @Headers('stripe-signature') signature: string | undefined): Promise<StripeWebhookReceiptDto> {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return this.webhooks.receive(companyId, body, signature);
  }
}
