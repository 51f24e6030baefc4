import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { InvoiceCollectionFlags, PaymentService } from '@comptoir/billing';
import { companyCalendar } from '@comptoir/org';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { Dec, DomainError, newId, NotFoundError, SecretBox, TenantContext } from '@comptoir/platform/kernel';
import { fromMinorUnits } from './minor-units';
import { invoiceOf, paymentAttempts } from './stripe-collection.service';
import { StripeEventOutcome } from './stripe-event.entity';
import { StripePaymentAttemptEntity } from './stripe-payment-attempt.entity';
import { openSealed, stripeSettings, webhookSecretContext } from './stripe-secrets';

export class StripeSignatureError extends DomainError {
  constructor(reason: string) {
    super('stripe_signature_invalid', 400, `The Stripe-Signature header does not verify: ${reason}`, [{ path: 'Stripe-Signature', message: reason }]);
  }
}

export interface WebhookReceipt {
  received: true;
  /** recorded: acted upon; ignored: not an event about a Comptoir collection; duplicate: already handled. */
  outcome: StripeEventOutcome | 'duplicate';
}

/** The events that move money or flags, with the collection attempt each one is about. */
type Handling =
  | { kind: 'succeeded'; intent: Stripe.PaymentIntent; attempt: StripePaymentAttemptEntity }
  | { kind: 'failed'; intent: Stripe.PaymentIntent; attempt: StripePaymentAttemptEntity }
  | { kind: 'disputed'; dispute: Stripe.Dispute; attempt: StripePaymentAttemptEntity };

const STRIPE_ACTOR = { type: 'system' as const, id: 'stripe', name: 'Stripe webhook' };

/**
 * Stripe's webhook for one company. The company's own signing secret verifies the raw body; then, in
 * one transaction, the event id is claimed in stripe_events (unique per company: a concurrent twin
 * waits on the index and finds it taken) and its effect is applied. A failure rolls both back and
 * Stripe delivers again later; a success is never applied twice.
 */
@Injectable()
export class StripeWebhookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly box: SecretBox,
    private readonly payments: PaymentService,
    private readonly flags: InvoiceCollectionFlags,
  ) {}

  async receive(companyId: string, body: Buffer, signature: string | undefined): Promise<WebhookReceipt> {
    const ctx = await this.tenantOf(companyId);
    return this.db.transaction(ctx, async (tx) => {
      const event = await this.verify(tx, body, signature);
      const handling = await this.classify(tx, event);
      const claimed = (await tx.manager.query(
        `INSERT INTO stripe_events (id, organization_id, company_id, event_id, type, object_id, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (company_id, event_id) DO NOTHING RETURNING id`,
        [newId(), ctx.organizationId, ctx.companyId, event.id, event.type.slice(0, 100), objectIdOf(event), handling ? 'recorded' : 'ignored'],
      )) as unknown[];
      if (!claimed.length) return { received: true, outcome: 'duplicate' };
      if (!handling) return { received: true, outcome: 'ignored' };
      await this.apply(tx, event, handling);
      return { received: true, outcome: 'recorded' };
    });
  }

  /** The organisation of a company that has a webhook secret (no credentials come with a webhook). */
  private async tenantOf(companyId: string): Promise<TenantContext> {
    const [row] = (await this.dataSource.query(`SELECT stripe_webhook_tenant($1) AS organization_id`, [companyId])) as { organization_id: string | null }[];
    if (!row?.organization_id) throw new NotFoundError('Stripe webhook endpoint');
    return { organizationId: row.organization_id, companyId, actor: STRIPE_ACTOR, role: null, scopes: [] };
  }

  private async verify(tx: TenantTx, body: Buffer, signature: string | undefined): Promise<Stripe.Event> {
    const settings = await stripeSettings(tx).query('s').getOne();
    if (!settings?.webhookSecretSealed) throw new NotFoundError('Stripe webhook endpoint');
    if (!signature) throw new StripeSignatureError('the header is missing');
    const secret = openSealed(this.box, settings.webhookSecretSealed, webhookSecretContext(tx.ctx.companyId));
    try {
      return Stripe.webhooks.constructEvent(body, signature, secret);
    } catch (error) {
      throw new StripeSignatureError(error instanceof Error ? error.message : 'invalid signature');
    }
  }

  /** What the event asks of Comptoir, or null for events about anything else (answered 200, ignored). */
  private async classify(tx: TenantTx, event: Stripe.Event): Promise<Handling | null> {
    switch (event.type) {
      case 'payment_intent.succeeded':
      case 'payment_intent.payment_failed': {
        const intent = event.data.object;
        const attempt = await attemptOf(tx, intent.id, intent.metadata);
        if (!attempt) return null;
        return event.type === 'payment_intent.succeeded' ? { kind: 'succeeded', intent, attempt } : { kind: 'failed', intent, attempt };
      }
      case 'charge.dispute.created': {
        const dispute = event.data.object;
        const intentId = typeof dispute.payment_intent === 'string' ? dispute.payment_intent : dispute.payment_intent?.id;
        const attempt = intentId ? await attemptOf(tx, intentId, {}) : null;
        return attempt ? { kind: 'disputed', dispute, attempt } : null;
      }
      default:
        return null;
    }
  }

  private async apply(tx: TenantTx, event: Stripe.Event, handling: Handling): Promise<void> {
    const attempt = await paymentAttempts(tx).query('a').andWhere('a.id = :id', { id: handling.attempt.id }).setLock('pessimistic_write').getOneOrFail();
    if (handling.kind !== 'disputed') attempt.paymentIntentId ??= handling.intent.id;
    if (handling.kind === 'succeeded') await this.recordPayment(tx, event, handling.intent, attempt);
    if (handling.kind === 'failed') await this.recordFailure(tx, handling.intent, attempt);
    if (handling.kind === 'disputed') await this.recordDispute(tx, handling.dispute, attempt);
    attempt.updatedAt = new Date();
    await paymentAttempts(tx).save(attempt);
  }

  /** The money arrived: a 'stripe' payment (externalRef = PaymentIntent id) allocated to the invoice, up to its balance. */
  private async recordPayment(tx: TenantTx, event: Stripe.Event, intent: Stripe.PaymentIntent, attempt: StripePaymentAttemptEntity): Promise<void> {
    const invoice = await invoiceOf(tx, attempt.invoiceId, true);
    const received = fromMinorUnits(intent.amount_received || intent.amount);
    const open = new Dec(invoice.balanceDue ?? 0);
    const allocated = Dec.min(new Dec(received), open.greaterThan(0) ? open : 0);
    const { today } = await companyCalendar(tx);
    const { payment } = await this.payments.recordExternal(tx, {
      accountId: invoice.accountId,
      date: today,
      method: 'stripe',
      amount: received,
      externalRef: intent.id,
      reference: intent.id,
      note: `Stripe ${event.id}`,
      allocations: allocated.greaterThan(0) ? [{ invoiceId: invoice.id, amount: allocated.toFixed(2) }] : [],
    });
    attempt.status = 'succeeded';
    attempt.paymentId = payment.id;
    attempt.failureMessage = null;
    await this.flags.clearPending(tx, [invoice.id]);
  }

  private async recordFailure(tx: TenantTx, intent: Stripe.PaymentIntent, attempt: StripePaymentAttemptEntity): Promise<void> {
    if (attempt.status !== 'pending') return;
    attempt.status = 'failed';
    attempt.failureMessage = (intent.last_payment_error?.message ?? 'The SEPA debit failed').slice(0, 500);
    await this.flags.clearPending(tx, [attempt.invoiceId]);
    tx.audit({ entity: 'sales_document', entityId: attempt.invoiceId, action: 'stripe_failed', changes: { attempt: { from: null, to: attempt.attempt }, failure: { from: null, to: attempt.failureMessage } } });
  }

  /**
   * The customer disputed the debit: the money goes back, so the payment is cancelled (reversing
   * entries, the invoice re-opens) and the invoice is flagged disputed, which suspends dunning.
   */
  private async recordDispute(tx: TenantTx, dispute: Stripe.Dispute, attempt: StripePaymentAttemptEntity): Promise<void> {
    if (attempt.status === 'disputed') return;
    const { today } = await companyCalendar(tx);
    if (attempt.paymentId) {
      const [payment] = (await tx.manager.query(`SELECT status FROM payments WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, attempt.paymentId])) as { status: string }[];
      if (payment?.status === 'recorded') await this.payments.cancel(tx, attempt.paymentId, { date: today, reason: `Stripe dispute ${dispute.id} (${dispute.reason})` }, null);
    }
    attempt.status = 'disputed';
    attempt.failureMessage = `Disputed: ${dispute.reason}`.slice(0, 500);
    // recovery_status is billing's live column; billing has no in-transaction setter (see the ADR), so it is set here.
    const [invoice] = (await tx.manager.query(`SELECT recovery_status FROM sales_documents WHERE company_id = $1 AND id = $2 FOR UPDATE`, [tx.ctx.companyId, attempt.invoiceId])) as { recovery_status: string | null }[];
    if (invoice?.recovery_status !== 'disputed') {
      await tx.manager.query(`UPDATE sales_documents SET recovery_status = 'disputed' WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, attempt.invoiceId]);
      tx.audit({ entity: 'sales_document', entityId: attempt.invoiceId, action: 'recovery_status', changes: { recoveryStatus: { from: invoice?.recovery_status ?? null, to: 'disputed' } } });
    }
    await this.flags.clearPending(tx, [attempt.invoiceId]);
  }
}

/**
 * The collection attempt a PaymentIntent belongs to: by its id, or — when the webhook overtook the
 * API's own answer — by the invoice and attempt number Comptoir put in its metadata. Null for
 * PaymentIntents Comptoir did not create.
 */
async function attemptOf(tx: TenantTx, intentId: string, metadata: Stripe.Metadata | null): Promise<StripePaymentAttemptEntity | null> {
  const repo = paymentAttempts(tx);
  const byIntent = await repo.query('a').andWhere('a.paymentIntentId = :intentId', { intentId }).getOne();
  if (byIntent) return byIntent;
  const invoiceId = metadata?.['comptoir_invoice_id'];
  const attempt = Number(metadata?.['comptoir_attempt']);
  if (!invoiceId || !/^[0-9a-f-]{36}$/i.test(invoiceId) || !Number.isInteger(attempt)) return null;
  const row = await repo.query('a').andWhere('a.invoiceId = :invoiceId AND a.attempt = :attempt', { invoiceId, attempt }).getOne();
  return row && (row.paymentIntentId === null || row.paymentIntentId === intentId) ? row : null;
}

function objectIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as { id?: unknown };
  return typeof object.id === 'string' ? object.id.slice(0, 255) : null;
}
