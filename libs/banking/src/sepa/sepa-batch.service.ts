import { PassThrough } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { BusinessRuleError, Dec, FieldError, newId, TenantContext, toDecimalString } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { Mailer } from '@comptoir/platform/notify';
import { FileStore } from '@comptoir/platform/storage';
import { companyCalendar } from '@comptoir/org';
import { InvoiceCollectionFlags } from '@comptoir/billing';
import { ibanProblem } from '../bank-accounts/bank-details';
import { statusAfterCollection } from '../mandates/mandate-lifecycle';
import { sequenceTypeFor } from '../mandates/sequence-type';
import { amountToCollect, collectionProblem } from './collection-checks';
import { CreateSepaBatchDto } from './sepa-batch.dto';
import { CreditorData, DebtorMandate, loadCreditor, lockDebtorMandates, lockInvoices } from './sepa-batch-data';
import { SepaBatchEntity } from './sepa-batch.entity';
import { SepaBatchItemEntity } from './sepa-batch-item.entity';
import { paymentGroupKey, SepaDebit, writeSepaDirectDebit } from './sepa-xml-writer';
import { preNotificationMail } from './pre-notification';

export const SEPA_BATCH_CREATED = 'banking.sepa_batch.created';

interface PlannedDebit {
  item: SepaBatchItemEntity;
  debit: SepaDebit;
  mandate: DebtorMandate;
}

/**
 * Builds a SEPA direct-debit batch from selected invoices, all or nothing: every invoice is checked
 * first and any failure answers 422 `sepa_batch_invalid` listing each invoice and its reason, with
 * nothing written. Otherwise, in one transaction: the XML file (stored once), the batch and its items,
 * the invoices flagged "collection pending", the mandates' history, and one pre-notification per debtor.
 */
@Injectable()
export class SepaBatchService {
  constructor(
    private readonly db: TenantDb,
    private readonly files: FileStore,
    private readonly flags: InvoiceCollectionFlags,
    private readonly mailer: Mailer,
  ) {}

  create(ctx: TenantContext, input: CreateSepaBatchDto, actorId: string | null): Promise<SepaBatchEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const { today } = await companyCalendar(tx);
      const creditor = await loadCreditor(tx);
      const invoices = await lockInvoices(tx, input.invoiceIds);
      const accountIds = [...new Set([...invoices.values()].map((i) => i.accountId))];
      const mandates = await lockDebtorMandates(tx, accountIds);

      const errors = creditorErrors(creditor);
      if (input.collectionDate <= today) errors.push({ path: 'collectionDate', message: `The collection date ${input.collectionDate} must be after today (${today})` });
      const batchId = newId();
      const planned: PlannedDebit[] = [];
      const oneOffUsedBy = new Map<string, string>();
      input.invoiceIds.forEach((invoiceId, index) => {
        const path = `invoiceIds[${index}]`;
        const invoice = invoices.get(invoiceId);
        if (!invoice) return errors.push({ path, message: `Invoice ${invoiceId} was not found` });
        const name = `Invoice ${invoice.number ?? 'draft'} (${invoiceId})`;
        const mandate = mandates.get(invoice.accountId) ?? null;
        const problem = collectionProblem(invoice, { today, collectionDate: input.collectionDate, mandate, debtorIban: mandate?.iban ?? null });
        if (problem || !mandate) return errors.push({ path, message: `${name}: ${problem}` });
        const amount = amountToCollect(invoice, input.collectionDate);
        if (mandate.type === 'oneOff' && oneOffUsedBy.has(mandate.id)) {
          return errors.push({ path, message: `${name}: one-off mandate ${mandate.reference} is already used by invoice ${oneOffUsedBy.get(mandate.id)} in this batch` });
        }
        oneOffUsedBy.set(mandate.id, invoice.number ?? invoiceId);
        planned.push(plan(tx, batchId, invoice.id, invoice.number ?? invoiceId, amount, mandate));
      });
      if (errors.length) throw new BusinessRuleError('sepa_batch_invalid', `The batch cannot be built: ${errors.length} problem(s), nothing was created`, errors);

      planned.sort((a, b) => paymentGroupKey(a.debit).localeCompare(paymentGroupKey(b.debit)) || a.item.endToEndId.localeCompare(b.item.endToEndId));
      const batch = await this.writeBatch(tx, batchId, input, creditor, planned, actorId);
      await this.flags.markPending(tx, planned.map((p) => p.item.invoiceId));
      await recordCollections(tx, planned, input.collectionDate);
      await this.preNotify(tx, creditor, planned, input.collectionDate);
      tx.audit({ entity: 'sepa_batch', entityId: batch.id, action: 'create', changes: { count: { from: null, to: batch.count }, total: { from: null, to: batch.total }, collectionDate: { from: null, to: batch.collectionDate } } });
      tx.emit({ name: SEPA_BATCH_CREATED, aggregateType: 'sepa_batch', aggregateId: batch.id, payload: { count: batch.count, total: batch.total, collectionDate: batch.collectionDate, format: batch.format } });
      return batch;
    });
  }

  private async writeBatch(tx: TenantTx, id: string, input: CreateSepaBatchDto, creditor: CreditorData, planned: PlannedDebit[], actorId: string | null): Promise<SepaBatchEntity> {
    const groups = new Map<string, { count: number; total: string }>();
    let total = new Dec(0);
    for (const { debit } of planned) {
      const key = paymentGroupKey(debit);
      const group = groups.get(key) ?? { count: 0, total: '0.00' };
      groups.set(key, { count: group.count + 1, total: toDecimalString(new Dec(group.total).plus(debit.amount)) });
      total = total.plus(debit.amount);
    }
    const createdAt = new Date();
    const messageId = `SDD-${createdAt.toISOString().slice(0, 10).replace(/-/g, '')}-${id.replace(/-/g, '').slice(-12)}`;
    const bankAccount = creditor.bankAccount!;
    const xml = await renderToBuffer((out) =>
      writeSepaDirectDebit(
        out,
        {
          format: input.format,
          messageId,
          createdAt,
          collectionDate: input.collectionDate,
          creditor: { name: creditor.name, iban: bankAccount.iban, bic: bankAccount.bic, creditorId: creditor.creditorId!, address: creditor.address },
          count: planned.length,
          total: toDecimalString(total),
          groups,
        },
        planned.map((p) => p.debit),
      ),
    );
    const fileKey = `sepa/${tx.ctx.companyId}/${id}.xml`;
    await this.files.put(fileKey, xml, 'application/xml');
    const batch = await tx.repo(SepaBatchEntity, 'SEPA batch').insert({
      id,
      format: input.format,
      messageId,
      collectionDate: input.collectionDate,
      status: 'generated',
      count: planned.length,
      total: toDecimalString(total),
      currency: 'EUR',
      creditorBankAccountId: bankAccount.id,
      fileKey,
      settledOn: null,
      createdBy: actorId,
      createdAt,
    });
    await tx.manager.insert(SepaBatchItemEntity, planned.map((p) => p.item));
    return batch;
  }

  /** One mail per debtor with an email address: the amount and date of each of its debits. */
  private async preNotify(tx: TenantTx, creditor: CreditorData, planned: PlannedDebit[], collectionDate: string): Promise<void> {
    const byMandate = new Map<string, PlannedDebit[]>();
    for (const p of planned) byMandate.set(p.mandate.id, [...(byMandate.get(p.mandate.id) ?? []), p]);
    for (const debits of byMandate.values()) {
      const { mandate } = debits[0]!;
      if (!mandate.email) continue;
      const total = debits.reduce((sum, d) => sum.plus(d.item.amount), new Dec(0));
      await this.mailer.enqueue(
        tx,
        preNotificationMail({
          email: mandate.email,
          creditorName: creditor.name,
          creditorId: creditor.creditorId!,
          mandateReference: debits[0]!.debit.mandateReference,
          iban: mandate.iban,
          collectionDate,
          debits: debits.map((d) => ({ invoiceNumber: d.item.invoiceNumber, amount: d.item.amount })),
          total: toDecimalString(total),
        }),
      );
    }
  }
}

function creditorErrors(creditor: CreditorData): FieldError[] {
  const errors: FieldError[] = [];
  if (!creditor.creditorId) errors.push({ path: 'company.sepaCreditorId', message: 'The company has no SEPA creditor identifier (ICS): set it in the company settings' });
  if (!creditor.bankAccount) errors.push({ path: 'company.bankAccount', message: 'The company has no bank account to collect to: add one in the bank settings' });
  else if (ibanProblem(creditor.bankAccount.iban)) errors.push({ path: 'company.bankAccount', message: "The company's bank account has an invalid IBAN" });
  return errors;
}

/** The item and the debit written for it; every invoice of a mandate gets the type its history gives. */
function plan(tx: TenantTx, batchId: string, invoiceId: string, invoiceNumber: string, amount: string, mandate: DebtorMandate): PlannedDebit {
  const sequenceType = sequenceTypeFor(mandate);
  const item = Object.assign(new SepaBatchItemEntity(), {
    id: newId(),
    organizationId: tx.ctx.organizationId,
    companyId: tx.ctx.companyId,
    batchId,
    invoiceId,
    invoiceNumber,
    accountId: mandate.accountId,
    mandateId: mandate.id,
    mandateReference: mandate.reference,
    debtorIban: mandate.iban,
    sequenceType,
    amount,
    endToEndId: invoiceNumber.slice(0, 35),
    status: 'pending' as const,
    paymentId: null,
    rejectedOn: null,
    rejectReason: null,
  });
  const debit: SepaDebit = {
    endToEndId: item.endToEndId,
    amount,
    scheme: mandate.scheme,
    sequenceType,
    mandateReference: mandate.reference,
    mandateSignedOn: mandate.signedOn,
    amendment: mandate.pendingAmendment,
    debtorName: mandate.holder,
    debtorIban: mandate.iban,
    debtorBic: mandate.bic,
    remittance: `Facture ${invoiceNumber}`,
  };
  return { item, debit, mandate };
}

/** The history the next sequence type is derived from: one more collection, the amendment carried. */
async function recordCollections(tx: TenantTx, planned: PlannedDebit[], collectionDate: string): Promise<void> {
  const mandates = new Map(planned.map((p) => [p.mandate.id, p.mandate]));
  for (const mandate of mandates.values()) {
    await tx.manager.query(
      `UPDATE mandates SET collection_count = collection_count + 1, last_collection_on = GREATEST(last_collection_on, $3::date), pending_amendment = NULL, status = $4, updated_at = now()
        WHERE company_id = $1 AND id = $2`,
      [tx.ctx.companyId, mandate.id, collectionDate, statusAfterCollection(mandate)],
    );
  }
}

async function renderToBuffer(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  out.end();
  return Buffer.concat(chunks);
}
