import { Injectable, OnModuleInit } from '@nestjs/common';
import { DraftBeingValidated, SalesDocumentEntity, SnapshotExtension, SnapshotExtensions } from '@comptoir/billing';
import { TenantTx } from '@comptoir/platform/database';
import { FieldError } from '@comptoir/platform/kernel';
import { asBillingSnapshot } from './billing-snapshot-view';
import { buildEInvoiceSection } from './build-einvoice-section';
import { einvoiceProblems } from './einvoice-problems';
import { loadEInvoiceFacts } from './einvoice-facts';
import { raiseIncomplete } from './einvoice-incomplete';

/**
 * Freezes `snapshot.einvoice` with every validated invoice, credit note and deposit invoice, and
 * refuses (422 einvoice_incomplete) an in-scope one that lacks what an e-invoice needs. The data comes
 * from one query for all the drafts of a validation (single or batch).
 */
@Injectable()
export class EInvoiceSnapshotExtension implements SnapshotExtension, OnModuleInit {
  readonly key = 'einvoice';

  constructor(private readonly registry: SnapshotExtensions) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async prepare(tx: TenantTx, docs: SalesDocumentEntity[]): Promise<(draft: DraftBeingValidated) => void> {
    const invoices = docs.filter((d) => d.type === 'invoice');
    if (!invoices.length) return () => undefined;
    const facts = await loadEInvoiceFacts(tx, invoices);
    const refused = new IncompleteDrafts(invoices.map((d) => d.id));
    return ({ doc, snapshot }) => {
      if (doc.type !== 'invoice') return;
      const billing = asBillingSnapshot(snapshot);
      const { section, facts: rulesFacts } = buildEInvoiceSection(billing, facts);
      const problems = einvoiceProblems({ snapshot: billing, section, facts: rulesFacts });
      snapshot['einvoice'] = { ...section, warnings: section.inScope ? [] : problems };
      refused.record(doc, section.inScope ? problems : []);
    };
  }
}

/**
 * The in-scope problems of the drafts of one validation: the step runs once per draft, so the refusal
 * is raised at the last one and names every draft at fault (a single validation raises at once).
 */
class IncompleteDrafts {
  private readonly pending: Set<string>;
  private readonly problems: { doc: SalesDocumentEntity; errors: FieldError[] }[] = [];

  constructor(private readonly ids: string[]) {
    this.pending = new Set(ids);
  }

  record(doc: SalesDocumentEntity, errors: FieldError[]): void {
    this.pending.delete(doc.id);
    if (errors.length) this.problems.push({ doc, errors });
    if (!this.pending.size && this.problems.length) raiseIncomplete(this.problems, this.ids.length > 1);
  }
}
