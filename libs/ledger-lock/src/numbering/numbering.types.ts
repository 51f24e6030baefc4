export const NUMBERED_DOCUMENT_TYPES = ['quote', 'order', 'delivery_note', 'invoice', 'credit_note', 'deposit'] as const;
export type NumberedDocumentType = (typeof NUMBERED_DOCUMENT_TYPES)[number];

export const SEQUENCE_RESETS = ['never', 'yearly', 'monthly'] as const;
export type SequenceReset = (typeof SEQUENCE_RESETS)[number];

export interface AssignRequest {
  documentType: NumberedDocumentType;
  establishmentId: string;
  /** The document's own date, YYYY-MM-DD. */
  date: string;
}

export interface AssignManyRequest {
  documentType: NumberedDocumentType;
  establishmentId: string;
  /** One date per wanted number, in the order the numbers are wanted (non-decreasing). */
  dates: string[];
}

export interface AssignedNumber {
  number: string;
  sequenceId: string;
  counter: number;
}
