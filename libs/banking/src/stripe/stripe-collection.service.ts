import { Injectable } from '@nestjs/common';
import { InvoiceCollectionFlags, SalesDocumentEntity } from '@comptoir/billing';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { BusinessRuleError, ConflictError, Dec, newId, NotFoundError, SecretBox, TenantContext } from '@comptoir/platform/kernel';
import { StripePaymentAttemptDto } from './dto/stripe-collection.dto';
import { toMinorUnits } from './minor-units';
import { stripeCustomers } from './stripe-customer.service';
import { isTransientStripeError, stripeProblem, StripeGateway } from './stripe-gateway';
import { StripePaymentAttemptEntity } from './stripe-payment-attempt.entity';
import { openStripeAccess, StripeAccess } from './stripe-secrets';

interface Collection {
  access: StripeAccess;
  attempt: StripePaymentAttemptEntity;
  invoiceNumber: string | null;
  customerId: string;
  paymentMethodId: string;
  mandateId: string | null;
}

export const paymentAttempts = (tx: TenantTx) => tx.repo(StripePaymentAttemptEntity, 'Stripe payment');

/** What Stripe answers for a PaymentIntent that will not be collected (a refused debit at confirmation). */
const DEAD_INTENT = new Set(['requires_payment_method', 'canceled']);

/**
 * Collects an invoice's open balance by SEPA debit through Stripe. Attempt n is recorded (and the
 * invoice marked "collection pending") before Stripe is called, with the idempotency key
 * `<invoice id>:<n>`; a timeout or crash leaves attempt n pending without a PaymentIntent, and the
 * next call sends the very same request again (Stripe answers with the same PaymentIntent). Only a
 * failure makes n grow. The outcome arrives later by webhook (StripeWebhookService).
 */
@Injectable()
export class StripeCollectionService {
  constructor(
    private readonly db: TenantDb,
    private readonly box: SecretBox,
    private readonly gateway: StripeGateway,
    private readonly flags: InvoiceCollectionFlags,
  ) {}

  history(ctx: TenantContext, invoiceId: string): Promise<StripePaymentAttemptDto[]> {
    return this.db.transaction(ctx, async (tx) => {
      await invoiceOf(tx, invoiceId);
      const rows = await paymentAttempts(tx).query('a').andWhere('a.invoiceId = :invoiceId', { invoiceId }).orderBy('a.attempt', 'DESC').getMany();
      return rows.map(toAttemptDto);
    });
  }

  async collect(ctx: TenantContext, invoiceId: string): Promise<StripePaymentAttemptDto> {
    const plan = await this.db.transaction(ctx, (tx) => this.prepare(tx, invoiceId));
    const { attempt } = plan;
    try {
      const intent = await this.gateway.client(plan.access.secretKey).paymentIntents.create(
        {
          amount: toMinorUnits(attempt.amount),
          currency: 'eur',
          customer: plan.customerId,
          payment_method: plan.paymentMethodId,
          allowed_payment_method_types: ['sepa_debit'],
          ...(plan.mandateId ? { mandate: plan.mandateId } : {}),
          confirm: true,
          description: plan.invoiceNumber ? `Facture ${plan.invoiceNumber}` : undefined,
          metadata: { comptoir_company_id: ctx.companyId, comptoir_invoice_id: invoiceId, comptoir_attempt: String(attempt.attempt) },
        },
        { idempotencyKey: `${invoiceId}:${attempt.attempt}` },
      );
      const failure = DEAD_INTENT.has(intent.status) ? (intent.last_payment_error?.message ?? `Stripe left the payment ${intent.status}`) : null;
      return await this.db.transaction(ctx, (tx) => this.settleAttempt(tx, attempt.id, { paymentIntentId: intent.id, failure }));
    } catch (error) {
      // Unreachable Stripe: the attempt stays pending without a PaymentIntent, and a retry resends it as is.
      if (isTransientStripeError(error)) throw stripeProblem(error, 'stripe_request_failed');
      const problem = stripeProblem(error, 'stripe_request_failed');
      await this.db.transaction(ctx, (tx) => this.settleAttempt(tx, attempt.id, { paymentIntentId: null, failure: problem.message }));
      throw problem;
    }
  }

  private async prepare(tx: TenantTx, invoiceId: string): Promise<Collection> {
    const invoice = await invoiceOf(tx, invoiceId, true);
    const reason = notCollectable(invoice);
    if (reason) throw new BusinessRuleError('invoice_not_payable', reason, [{ path: 'id', message: reason }]);
    const access = await openStripeAccess(tx, this.box);
    const customer = await stripeCustomers(tx).query('c').andWhere('c.accountId = :accountId', { accountId: invoice.accountId }).getOne();
    if (!customer || customer.mode !== access.mode) {
      throw new BusinessRuleError('stripe_customer_missing', `The customer is not registered at Stripe (${access.mode} mode) for SEPA debits: register its bank account first`);
    }
    const repo = paymentAttempts(tx);
    const latest = await repo.query('a').andWhere('a.invoiceId = :invoiceId', { invoiceId }).orderBy('a.attempt', 'DESC').getOne();
    const unanswered = latest?.status === 'pending' && latest.paymentIntentId === null;
    if (invoice.collectionStatus === 'pending' && !unanswered) {
      throw new ConflictError('collection_pending', 'A collection of this invoice is already in progress (Stripe or SEPA batch): wait for its outcome');
    }
    const now = new Date();
    const attempt = unanswered
      ? latest
      : await repo.insert({ id: newId(), invoiceId, attempt: (latest?.attempt ?? 0) + 1, amount: invoice.balanceDue!, status: 'pending', paymentIntentId: null, failureMessage: null, paymentId: null, createdAt: now, updatedAt: now });
    await this.flags.markPending(tx, [invoiceId]);
    return { access, attempt, invoiceNumber: invoice.number, customerId: customer.stripeCustomerId, paymentMethodId: customer.paymentMethodId, mandateId: customer.mandateId };
  }

  private async settleAttempt(tx: TenantTx, attemptId: string, outcome: { paymentIntentId: string | null; failure: string | null }): Promise<StripePaymentAttemptDto> {
    const repo = paymentAttempts(tx);
    const attempt = await repo.query('a').andWhere('a.id = :attemptId', { attemptId }).setLock('pessimistic_write').getOneOrFail();
    attempt.paymentIntentId ??= outcome.paymentIntentId;
    // A webhook may have settled the attempt already (it can overtake this answer): its word stands.
    if (outcome.failure && attempt.status === 'pending') {
      attempt.status = 'failed';
      attempt.failureMessage = outcome.failure.slice(0, 500);
      await this.flags.clearPending(tx, [attempt.invoiceId]);
    }
    attempt.updatedAt = new Date();
    return toAttemptDto(await repo.save(attempt));
  }
}

/** The invoice (404 for another tenant's), locked when a collection is about to start. */
export async function invoiceOf(tx: TenantTx, invoiceId: string, lock = false): Promise<SalesDocumentEntity> {
  const query = tx.repo(SalesDocumentEntity, 'Invoice').query('d').andWhere('d.id = :invoiceId', { invoiceId }).andWhere(`d.type = 'invoice'`);
  const invoice = await (lock ? query.setLock('pessimistic_write') : query).getOne();
  if (!invoice) throw new NotFoundError('Invoice');
  return invoice;
}

/** Why the invoice cannot be debited, or null. */
function notCollectable(invoice: SalesDocumentEntity): string | null {
  if (invoice.kind === 'credit_note') return 'A credit note is not collected';
  if (invoice.status === 'draft') return 'A draft invoice is not collected: validate it first';
  if (invoice.testMode) return 'A TEST-mode invoice is not collected';
  if (invoice.currency !== 'EUR') return 'SEPA debits are in euros only';
  if (invoice.balanceDue === null || !new Dec(invoice.balanceDue).greaterThan(0)) return 'Nothing is left to collect on this invoice';
  return null;
}

export function toAttemptDto(row: StripePaymentAttemptEntity): StripePaymentAttemptDto {
  return {
    invoiceId: row.invoiceId,
    attempt: row.attempt,
    paymentIntentId: row.paymentIntentId,
    amount: row.amount,
    currency: 'EUR',
    status: row.status,
    failureMessage: row.failureMessage,
    paymentId: row.paymentId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
