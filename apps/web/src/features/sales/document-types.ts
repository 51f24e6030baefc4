import type { DocumentStatus, DocumentType } from './sales-types';

/** Per document type: its URL segment (SPA and API alike), where it converts to, and which actions apply. */
export interface DocumentTypeConfig {
  type: DocumentType;
  path: 'quotes' | 'orders' | 'delivery-notes' | 'invoices';
  convertTo: Exclude<DocumentType, 'quote'>[];
  cancellable: boolean;
  refusable: boolean;
  hasPrices: boolean;
  /** The header date that depends on the type: valid until, delivery, due. */
  secondDate: 'validityDate' | 'deliveryDate' | 'dueDate' | null;
}

export const DOCUMENT_TYPES: Record<DocumentType, DocumentTypeConfig> = {
  quote: { type: 'quote', path: 'quotes', convertTo: ['order', 'invoice'], cancellable: true, refusable: true, hasPrices: true, secondDate: 'validityDate' },
  order: { type: 'order', path: 'orders', convertTo: ['delivery_note', 'invoice'], cancellable: true, refusable: false, hasPrices: true, secondDate: 'deliveryDate' },
  delivery_note: { type: 'delivery_note', path: 'delivery-notes', convertTo: ['invoice'], cancellable: false, refusable: false, hasPrices: false, secondDate: null },
  invoice: { type: 'invoice', path: 'invoices', convertTo: [], cancellable: false, refusable: false, hasPrices: true, secondDate: 'dueDate' },
};

export const DOCUMENT_TYPE_LIST: DocumentTypeConfig[] = Object.values(DOCUMENT_TYPES);

export function configByPath(path: string | undefined): DocumentTypeConfig | undefined {
  return DOCUMENT_TYPE_LIST.find((c) => c.path === path);
}

/** SPA route of a document. */
export function documentHref(type: DocumentType, id: string): string {
  return `/${DOCUMENT_TYPES[type].path}/${id}`;
}

/** Chip colour per status: grey drafts, blue in progress, green done, red cancelled, orange refused. */
export const STATUS_COLORS: Record<DocumentStatus, string> = {
  draft: 'gray',
  validated: 'blue',
  done: 'green',
  cancelled: 'red',
  refused: 'orange',
};
