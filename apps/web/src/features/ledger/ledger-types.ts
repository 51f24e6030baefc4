import type { InstallmentInput } from '@comptoir/billing-engine';
import type { PdfOptions } from '../sales/sales-types';

/** Shapes of the ledger and billing-settings resources (libs/ledger-lock and libs/billing DTOs). */
export type NumberedDocumentType = 'quote' | 'order' | 'delivery_note' | 'invoice' | 'credit_note' | 'deposit';
export type SequenceReset = 'never' | 'yearly' | 'monthly';
export const SEQUENCE_RESETS: SequenceReset[] = ['never', 'yearly', 'monthly'];
export const NUMBERED_TYPES: NumberedDocumentType[] = ['quote', 'order', 'delivery_note', 'invoice', 'credit_note', 'deposit'];

export interface Sequence {
  id: string;
  documentType: NumberedDocumentType;
  establishmentId: string | null;
  pattern: string;
  counterWidth: number;
  reset: SequenceReset;
  usedAt: string | null;
  lastDate: string | null;
  preview: string;
  createdAt: string;
  updatedAt: string;
}

export interface SequenceBody {
  pattern?: string;
  counterWidth?: number;
  reset?: SequenceReset;
}

export interface PeriodTotals {
  count: { invoice: number; credit_note: number; deposit: number };
  net: string;
  vat: { rate: string; category: string; base: string; amount: string }[];
  gross: string;
}

export type ClosingKind = 'month' | 'year';

export interface Closing {
  id: string;
  kind: ClosingKind;
  period: string;
  startDate: string;
  endDate: string;
  totals: { period: PeriodTotals; fiscalYearToDate: PeriodTotals; perpetual: PeriodTotals };
  sealSeq: number;
  retainUntil: string;
  createdAt: string;
}

export interface LedgerVerification {
  ok: boolean;
  entries: number;
  lastHash?: string;
  firstBrokenEntry?: { seq: number; id: string; kind: string; recordType: string; recordId: string } | null;
  reason?: string;
  detail?: string;
  field?: string;
}

export interface BillingSettings {
  latePenaltyText: string;
  earlyPaymentText: string;
  termsOfSale: string | null;
  paymentTerms: InstallmentInput[];
  pdfOptions: PdfOptions;
  vatOnDebits: boolean;
  quoteValidityDays: number;
  updatedAt: string | null;
}
