import { Injectable } from '@nestjs/common';
import { NumberingService, PeriodGuard, SealEntryInput, SealService } from '@comptoir/ledger-lock';
import { BusinessRuleError, DomainError, FieldError, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { emitDocumentEvent } from '../document/document-events';
import { numberingSeries, sealKind } from '../document/document-kinds';
import { buildSnapshot, loadSnapshotParts } from '../document/document-snapshot';
import { documentLines, documents, updateLineNets } from '../document/document-store';
import { applyTotals } from '../document/document-totals';
import { validatedRowsUpdate } from '../document/validated-rows';
import { SettlementLedger } from '../payments/settlement-ledger';
import { SnapshotExtensions } from '../document/snapshot-extensions';
import { testNumber, validator } from '../document/document-validation.service';
import { SalesDocumentLineEntity } from '../document/sales-document-line.entity';
import { SalesDocumentEntity } from '../document/sales-document.entity';

/**
 * Validates many draft invoices in ONE transaction, all or none: the rows are locked, every one is
 * checked first (a 422 lists each id at fault, and nothing changes), then numbers are taken per series
 * in date order with one counter update (NumberingService.assignMany), the rows are written by one
 * UPDATE and the journal gets one multi-row insert (SealService.sealMany). Nothing is done per document
 * on the wire: ids and rows travel as arrays (`= ANY`, JSON), never as one bind parameter each.
 */
@Injectable()
export class BatchValidationService {
  constructor(
    private readonly db: TenantDb,
    private readonly numbering: NumberingService,
    private readonly seals: SealService,
    private readonly periods: PeriodGuard,
    private readonly settlements: SettlementLedger,
    private readonly extensions: SnapshotExtensions,
  ) {}

  validate(ctx: TenantContext, ids: string[]): Promise<{ id: string; number: string }[]> {
    return this.db.transaction(ctx, (tx) => this.validateIn(tx, ids));
  }

  /**
   * The same, inside the caller's transaction (a deposit invoice is created and validated in one): the
   * rows and the journal entries are written before it returns, so the rest of that transaction (a
   * payment allocated to the invoice, the next seal) sees them.
   */
  async validateIn(tx: TenantTx, ids: string[]): Promise<{ id: string; number: string }[]> {
    const docs = await documents(tx).query('d').andWhere('d.id = ANY(:ids)', { ids }).andWhere(`d.type = 'invoice'`).orderBy('d.id').setLock('pessimistic_write').getMany();
    await this.assertValidatable(tx, ids, docs);
    const lines = await this.linesByDocument(tx, docs);
    const extend = await this.extensions.prepare(tx, docs);
    const changedNets = docs.flatMap((doc) => applyTotals(doc, lines.get(doc.id) ?? [], true));
    await updateLineNets(tx, changedNets);
    // Numbers follow dates: within a series, the earliest draft takes the lowest number.
    docs.sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    await this.assignNumbers(tx, docs);
    const parts = await loadSnapshotParts(tx, docs);
    const at = new Date();
    for (const doc of docs) {
      Object.assign(doc, { status: 'validated', validatedAt: at, validatedBy: validator(tx), updatedAt: at });
      doc.snapshot = buildSnapshot(doc, lines.get(doc.id) ?? [], parts);
      extend({ doc, lines: lines.get(doc.id) ?? [], snapshot: doc.snapshot });
    }
    // The chain head is locked after the series (the order every validation takes them); then the
    // rows' UPDATE runs in PostgreSQL while the entries are hashed here, the insert queued behind it.
    const head = await this.seals.lockHead(tx);
    const update = validatedRowsUpdate(tx, docs);
    const entries: SealEntryInput[] = docs
      .filter((d) => !d.testMode)
      .map((d) => ({ kind: sealKind(d.type, d.kind)!, recordType: 'sales_document', recordId: d.id, recordDate: d.date, payload: d.snapshot! }));
    const written = tx.manager.query(update.sql, update.params);
    await new Promise(setImmediate); // the UPDATE is on the wire once TypeORM's promise chain ran
    await Promise.all([written, entries.length ? this.seals.sealMany(tx, entries, head) : null]);
    await this.settlements.open(tx, docs.map((d) => d.id));
    for (const doc of docs) {
      tx.audit({ entity: 'sales_document', entityId: doc.id, action: 'validate', changes: { status: { from: 'draft', to: 'validated' }, number: { from: null, to: doc.number } } });
      emitDocumentEvent(tx, doc, 'validated', ['status', 'number']);
    }
    return docs.map((d) => ({ id: d.id, number: d.number! }));
  }

  /** Every id must be a draft invoice or deposit invoice of the company dated in an open period; credit notes go one by one (their remaining amount is checked against their invoice). */
  private async assertValidatable(tx: TenantTx, ids: string[], docs: SalesDocumentEntity[]): Promise<void> {
    const byId = new Map(docs.map((d) => [d.id, d]));
    const errors: FieldError[] = [];
    const closedDates = new Set<string>();
    for (const date of new Set(docs.map((d) => d.date))) {
      try {
        await this.periods.assertOpen(tx, date);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'period_closed') throw error;
        closedDates.add(date);
      }
    }
    ids.forEach((id, i) => {
      const doc = byId.get(id);
      const problem = !doc
        ? 'no such invoice'
        : doc.status !== 'draft'
          ? `the invoice is ${doc.status}: only drafts can be validated`
          : doc.kind === 'credit_note'
            ? 'credit notes are validated one by one'
            : closedDates.has(doc.date)
              ? `its date ${doc.date} falls in a closed period`
              : null;
      if (problem) errors.push({ path: `ids[${i}]`, message: `${id}: ${problem}` });
    });
    if (errors.length) throw new BusinessRuleError('batch_invalid', `${errors.length} of the ${ids.length} invoices cannot be validated; none was`, errors);
  }

  private async linesByDocument(tx: TenantTx, docs: SalesDocumentEntity[]): Promise<Map<string, SalesDocumentLineEntity[]>> {
    const out = new Map<string, SalesDocumentLineEntity[]>();
    const rows = await documentLines(tx).query('l').andWhere('l.documentId = ANY(:ids)', { ids: docs.map((d) => d.id) }).orderBy('l.documentId').addOrderBy('l.position').getMany();
    for (const row of rows) {
      const list = out.get(row.documentId);
      if (list) list.push(row);
      else out.set(row.documentId, [row]);
    }
    return out;
  }

  /** One assignMany per series (document type × establishment); TEST-mode documents take no legal number. */
  private async assignNumbers(tx: TenantTx, docs: SalesDocumentEntity[]): Promise<void> {
    const series = new Map<string, SalesDocumentEntity[]>();
    for (const doc of docs) {
      if (doc.testMode) doc.number = testNumber(doc);
      else {
        const key = `${numberingSeries(doc.type, doc.kind)}:${doc.establishmentId}`;
        series.set(key, [...(series.get(key) ?? []), doc]);
      }
    }
    for (const group of series.values()) {
      const first = group[0]!;
      const numbers = await this.numbering.assignMany(tx, { documentType: numberingSeries(first.type, first.kind), establishmentId: first.establishmentId, dates: group.map((d) => d.date) });
      group.forEach((doc, i) => (doc.number = numbers[i]!.number));
    }
  }
}
