import { Injectable } from '@nestjs/common';
import { BusinessRuleError, ConflictError, Dec, FieldError, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { BatchValidationService } from '../batch/batch-validation.service';
import { DocumentDrafting } from '../document/document-drafting';
import { loadWithLines, LoadedDocument } from '../document/document-store';
import { validator } from '../document/document-validation.service';
import type { SalesDocumentEntity } from '../document/sales-document.entity';
import { PaymentService } from '../payments/payment.service';
import type { CreateDepositInvoiceDto, RecordDepositPaymentDto } from './deposit.dto';
import { depositsDrawn } from './deposit-holdings';
import { depositInvoiceLines } from './deposit-lines';
import { splitDeposit } from './deposit-split';

export type DepositSourceType = 'order' | 'quote';

/** How much to invoice: a gross amount, or where it comes from (for the field path of an error). */
interface DepositRequest {
  gross: string;
  path: string;
  date?: string;
}

/**
 * Deposit invoices (factures d'acompte) on orders and quotes: created AND validated in one transaction —
 * a deposit invoice is final at creation (DOMAIN §4) — numbered in the deposit series and sealed by the
 * batch validation path, linked to the source (relation `deposit`), its lines one per VAT rate of the
 * source pro rata. Deposit payments add the payment, allocated to it, in the same transaction.
 */
@Injectable()
export class DepositInvoiceService {
  constructor(
    private readonly db: TenantDb,
    private readonly drafting: DocumentDrafting,
    private readonly batch: BatchValidationService,
    private readonly payments: PaymentService,
  ) {}

  create(ctx: TenantContext, type: DepositSourceType, sourceId: string, input: CreateDepositInvoiceDto): Promise<LoadedDocument> {
    return this.db.transaction(ctx, async (tx) => {
      const source = await lockSource(tx, type, sourceId);
      return this.issue(tx, source, { ...requestedGross(source, input), date: input.date });
    });
  }

  recordPayment(ctx: TenantContext, type: DepositSourceType, sourceId: string, input: RecordDepositPaymentDto): Promise<{ invoice: LoadedDocument; paymentId: string }> {
    return this.db.transaction(ctx, async (tx) => {
      const source = await lockSource(tx, type, sourceId);
      assertMoreThanZero(input.amount, 'amount');
      const invoice = await this.issue(tx, source, { gross: input.amount, path: 'amount', date: input.date });
      // The deposit invoice may ask a cent less than received (see splitDeposit): that cent stays as customer credit.
      const payment = await this.payments.record(
        tx,
        { accountId: source.accountId, date: input.date, method: input.method, amount: input.amount, bankAccountId: input.bankAccountId ?? null, reference: input.reference ?? null, allocations: [{ invoiceId: invoice.doc.id, amount: invoice.doc.gross }] },
        validator(tx),
      );
      return { invoice: await loadWithLines(tx, 'invoice', invoice.doc.id), paymentId: payment.id };
    });
  }

  private async issue(tx: TenantTx, source: SalesDocumentEntity, request: DepositRequest): Promise<LoadedDocument> {
    const drawn = (await depositsDrawn(tx, source.id)).reduce((acc, d) => acc.plus(d.gross), new Dec(0));
    const remaining = new Dec(source.gross).minus(drawn);
    if (new Dec(request.gross).gt(remaining)) {
      throw new BusinessRuleError('deposit_exceeds_remaining', `A deposit of ${request.gross} exceeds what is left to invoice as deposits on this ${source.type} (${remaining.toFixed(2)})`, [
        { path: request.path, message: `at most ${remaining.toFixed(2)} (gross ${source.gross}, deposits already invoiced ${drawn.toFixed(2)})` },
      ]);
    }
    const lines = depositInvoiceLines(source, splitDeposit(request.gross, source.totals.vat));
    if (!lines.length) throw new BusinessRuleError('deposit_too_small', `A deposit of ${request.gross} rounds to nothing`, [{ path: request.path, message: 'too small to invoice' }]);
    const created = await this.drafting.derive(tx, source, {
      type: 'invoice',
      kind: 'deposit',
      lines,
      relation: 'deposit',
      overrides: { ...(request.date ? { date: request.date } : {}), paymentTerms: [], earlyPaymentDiscount: null, generalDiscount: null, shipping: null, proforma: false },
    });
    await this.batch.validateIn(tx, [created.doc.id]);
    return loadWithLines(tx, 'invoice', created.doc.id);
  }
}

/** The order or quote, locked (concurrent deposits on it serialise), and still open: validated, neither draft, done, cancelled nor refused. */
async function lockSource(tx: TenantTx, type: DepositSourceType, id: string): Promise<SalesDocumentEntity> {
  const { doc } = await loadWithLines(tx, type, id, true);
  if (doc.status !== 'validated') throw new ConflictError('deposit_source_not_open', `Deposits are invoiced on a validated ${type}; this one is ${doc.status}`);
  return doc;
}

/** The gross to invoice from exactly one of percent (of the source's gross), amount or a deposit installment. */
export function requestedGross(source: Pick<SalesDocumentEntity, 'gross' | 'schedule'>, input: Pick<CreateDepositInvoiceDto, 'percent' | 'amount' | 'installmentIndex'>): DepositRequest {
  const given = (['percent', 'amount', 'installmentIndex'] as const).filter((field) => input[field] !== undefined && input[field] !== null);
  if (given.length !== 1) {
    const errors: FieldError[] = (given.length ? given : (['percent', 'amount', 'installmentIndex'] as const)).map((path) => ({ path, message: 'give exactly one of percent, amount and installmentIndex' }));
    throw new ValidationFailedError(errors, 'Give exactly one of percent, amount and installmentIndex');
  }
  if (input.percent !== undefined) {
    assertMoreThanZero(input.percent, 'percent');
    return { gross: new Dec(source.gross).times(input.percent).dividedBy(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2), path: 'percent' };
  }
  if (input.amount !== undefined) {
    assertMoreThanZero(input.amount, 'amount');
    return { gross: new Dec(input.amount).toFixed(2), path: 'amount' };
  }
  const installment = source.schedule[input.installmentIndex!];
  if (!installment) throw new ValidationFailedError([{ path: 'installmentIndex', message: `the payment schedule has ${source.schedule.length} installment(s)` }]);
  if (installment.kind !== 'deposit') throw new BusinessRuleError('installment_not_deposit', `Installment ${installment.index} is a ${installment.kind}, not a deposit`, [{ path: 'installmentIndex', message: 'must designate a deposit installment' }]);
  return { gross: installment.amount, path: 'installmentIndex' };
}

function assertMoreThanZero(value: string, path: string): void {
  if (!new Dec(value).gt(0)) throw new ValidationFailedError([{ path, message: `${path} must be more than 0` }]);
}
