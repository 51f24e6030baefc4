import { TenantTx } from '@comptoir/platform/database';
import { eventAggregate } from './document-kinds';
import { SalesDocumentEntity } from './sales-document.entity';

export type DocumentVerb = 'created' | 'updated' | 'deleted' | 'validated' | 'cancelled' | 'refused' | 'converted' | 'reopened';

/**
 * Payload of every billing.<type>.<verb> event: the header and totals (not the lines, so that a batch
 * of 10,000 validations stays a light outbox insert); subscribers read the document if they need more.
 */
export interface DocumentEventPayload {
  document: {
    id: string;
    type: string;
    kind: string | null;
    status: string;
    number: string | null;
    accountId: string;
    date: string;
    currency: string;
    net: string;
    vatTotal: string;
    gross: string;
    due: string;
    testMode: boolean;
  };
  changed: string[];
}

/** `billing.invoice.validated`, `billing.credit_note.validated`, `billing.quote.created`… */
export function documentEventName(doc: Pick<SalesDocumentEntity, 'type' | 'kind'>, verb: DocumentVerb): string {
  return `billing.${eventAggregate(doc.type, doc.kind)}.${verb}`;
}

export function emitDocumentEvent(tx: TenantTx, doc: SalesDocumentEntity, verb: DocumentVerb, changed: string[] = []): void {
  const payload: DocumentEventPayload = {
    document: {
      id: doc.id,
      type: doc.type,
      kind: doc.kind,
      status: doc.status,
      number: doc.number,
      accountId: doc.accountId,
      date: doc.date,
      currency: doc.currency,
      net: doc.net,
      vatTotal: doc.vatTotal,
      gross: doc.gross,
      due: doc.due,
      testMode: doc.testMode,
    },
    changed,
  };
  tx.emit({ name: documentEventName(doc, verb), aggregateType: 'sales_document', aggregateId: doc.id, payload: payload as unknown as Record<string, unknown> });
}
