import { computeSchedule, computeTotals, validatePaymentTerms, type DocumentInput, type DocumentTotals, type InstallmentInput, type InstallmentRule, type LineInput, type OtherTaxInput, type ScheduledInstallment, type TermsProblem, type VatCategoryCode } from '@comptoir/billing-engine';
import { toDecimalInput } from '../../../lib/decimal';
import { earlyPaymentDiscountBody, type EarlyPaymentDiscountInput } from '../../deposits/EarlyPaymentDiscountFields';
import type { DocumentBody, DocumentType, Installment, LineInputBody, LineKind, PaymentMethod, PdfOptions, SalesDocument } from '../sales-types';

/**
 * What the document editor holds: the draft as the user types it (numbers as typed, "12,5" included),
 * turned into the API body and into the totals engine's input by the pure functions below.
 */
export interface EditorLine {
  /** Local identity for React and focus; the server gives new ids on every save. */
  key: string;
  kind: LineKind;
  productId: string | null;
  reference: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: string;
  vatCategory: VatCategoryCode;
  vatExemptionReason: string | null;
  otherTaxes: OtherTaxInput[];
  /** When the item can be delivered (YYYY-MM-DD), printed on the line; empty when not said. */
  availabilityDate: string;
  /** Product line added but not priced yet: the server prices it (customer price, price list, catalog). */
  unpriced?: boolean;
}

export interface EditorState {
  accountId: string | null;
  accountName: string | null;
  contactId: string | null;
  establishmentId: string | null;
  kind: 'invoice' | 'deposit';
  title: string;
  date: string;
  secondDate: string;
  paymentMethod: PaymentMethod | null;
  termsOfSale: string;
  specialTerms: string;
  internalNote: string;
  pdfOptions: PdfOptions;
  proforma: boolean;
  lines: EditorLine[];
  discount: { enabled: boolean; mode: 'percent' | 'amount'; base: 'net' | 'gross'; value: string };
  shipping: { enabled: boolean; amount: string; vatRate: string };
  paymentTerms: InstallmentInput[];
  earlyPaymentDiscount: EarlyPaymentDiscountInput | null;
  /** A final invoice's deposit deductions: shown read-only, never sent (the server keeps them). */
  deductions: SalesDocument['lines'];
}

let sequence = 0;
export function newLineKey(): string {
  sequence += 1;
  return `l${Date.now().toString(36)}${sequence}`;
}

export function blankLine(kind: LineKind, defaultVatRate = '20.00'): EditorLine {
  return {
    key: newLineKey(),
    kind,
    productId: null,
    reference: '',
    description: '',
    quantity: kind === 'item' ? '1' : '',
    unit: '',
    unitPrice: '',
    discountPercent: '',
    vatRate: defaultVatRate,
    vatCategory: 'S',
    vatExemptionReason: null,
    otherTaxes: [],
    availabilityDate: '',
  };
}

/** "2.0000" → "2", "12.5000" → "12.5": what a person would type. */
function trimZeros(value: string | null | undefined): string {
  if (!value) return '';
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export function secondDateField(type: DocumentType): 'validityDate' | 'deliveryDate' | 'dueDate' | null {
  return type === 'quote' ? 'validityDate' : type === 'order' ? 'deliveryDate' : type === 'invoice' ? 'dueDate' : null;
}

export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function emptyState(accountId: string | null = null, accountName: string | null = null): EditorState {
  return {
    accountId,
    accountName,
    contactId: null,
    establishmentId: null,
    kind: 'invoice',
    title: '',
    date: today(),
    secondDate: '',
    paymentMethod: null,
    termsOfSale: '',
    specialTerms: '',
    internalNote: '',
    pdfOptions: {},
    proforma: false,
    lines: [],
    discount: { enabled: false, mode: 'percent', base: 'net', value: '' },
    shipping: { enabled: false, amount: '', vatRate: '20.00' },
    paymentTerms: [],
    earlyPaymentDiscount: null,
    deductions: [],
  };
}

/** The contract's installment (a rule with optional days) as the engine's (days exactly where the rule has them). */
export function toInstallment(dto: Installment): InstallmentInput {
  const rule: InstallmentRule = dto.rule.type === 'on_order' ? { type: 'on_order' } : { type: dto.rule.type, days: dto.rule.days ?? 0 };
  return { percent: dto.percent, kind: dto.kind, rule, method: dto.method ?? null, label: dto.label ?? null };
}

export function fromDocument(doc: SalesDocument, accountName: string | null): EditorState {
  const field = secondDateField(doc.type);
  return {
    accountId: doc.accountId,
    accountName,
    contactId: doc.contactId,
    establishmentId: doc.establishmentId,
    kind: doc.kind === 'deposit' ? 'deposit' : 'invoice',
    title: doc.title ?? '',
    date: doc.date,
    secondDate: (field && doc[field]) || '',
    paymentMethod: doc.paymentMethod as PaymentMethod | null,
    termsOfSale: doc.termsOfSale ?? '',
    specialTerms: doc.specialTerms ?? '',
    internalNote: doc.internalNote ?? '',
    pdfOptions: doc.pdfOptions ?? {},
    proforma: doc.proforma,
    lines: doc.lines.filter((l) => !l.depositInvoiceId).map((l) => ({
      key: l.id,
      kind: l.kind,
      productId: l.productId,
      reference: l.reference ?? '',
      description: l.description,
      quantity: trimZeros(l.quantity),
      unit: l.unit ?? '',
      unitPrice: trimZeros(l.unitPrice),
      discountPercent: trimZeros(l.discountPercent),
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      vatExemptionReason: l.vatExemptionReason,
      otherTaxes: l.otherTaxes ?? [],
      availabilityDate: l.availabilityDate ?? '',
    })),
    discount: doc.generalDiscount
      ? { enabled: true, mode: doc.generalDiscount.mode, base: doc.generalDiscount.base, value: trimZeros(doc.generalDiscount.value) }
      : { enabled: false, mode: 'percent', base: 'net', value: '' },
    shipping: doc.shipping ? { enabled: true, amount: trimZeros(doc.shipping.amount), vatRate: doc.shipping.vatRate } : { enabled: false, amount: '', vatRate: '20.00' },
    paymentTerms: doc.paymentTerms.map(toInstallment),
    earlyPaymentDiscount: doc.earlyPaymentDiscount ? { percent: trimZeros(doc.earlyPaymentDiscount.percent), withinDays: String(doc.earlyPaymentDiscount.withinDays) } : null,
    deductions: doc.lines.filter((l) => l.depositInvoiceId),
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

function lineBody(l: EditorLine, withPrices: boolean): LineInputBody {
  if (l.kind !== 'item') return { kind: l.kind, description: l.description };
  const body: LineInputBody = { kind: 'item', description: l.description, quantity: toDecimalInput(l.quantity || '0') };
  if (l.productId) body.productId = l.productId;
  if (l.reference.trim()) body.reference = l.reference.trim();
  if (l.unit) body.unit = l.unit;
  if (l.availabilityDate) body.availabilityDate = l.availabilityDate;
  if (l.unpriced) return body;
  if (withPrices) {
    body.unitPrice = toDecimalInput(l.unitPrice || '0');
    if (l.discountPercent.trim()) body.discountPercent = toDecimalInput(l.discountPercent);
  }
  body.vatRate = l.vatRate;
  body.vatCategory = l.vatCategory;
  if (l.vatExemptionReason) body.vatExemptionReason = l.vatExemptionReason;
  if (l.otherTaxes.length) body.otherTaxes = l.otherTaxes;
  return body;
}

/** The PATCH (or POST) body: every header field and every line (the API replaces the lines). */
export function toBody(s: EditorState, type: DocumentType, creating: boolean): DocumentBody {
  const field = secondDateField(type);
  const withPrices = type !== 'delivery_note';
  const body: DocumentBody = {
    accountId: s.accountId ?? undefined,
    contactId: s.contactId,
    title: orNull(s.title),
    date: s.date,
    paymentMethod: s.paymentMethod,
    termsOfSale: orNull(s.termsOfSale),
    specialTerms: orNull(s.specialTerms),
    internalNote: orNull(s.internalNote),
    pdfOptions: s.pdfOptions,
    lines: s.lines.map((l) => lineBody(l, withPrices)),
  };
  if (field) body[field] = s.secondDate || null;
  if (type === 'quote' || type === 'order') body.proforma = s.proforma;
  if (withPrices) {
    body.generalDiscount = s.discount.enabled ? { mode: s.discount.mode, base: s.discount.base, value: toDecimalInput(s.discount.value || '0') } : null;
    body.shipping = s.shipping.enabled ? { amount: toDecimalInput(s.shipping.amount || '0'), vatRate: s.shipping.vatRate } : null;
    body.paymentTerms = s.paymentTerms;
    body.earlyPaymentDiscount = earlyPaymentDiscountBody(s.earlyPaymentDiscount);
  }
  if (creating) {
    if (s.establishmentId) body.establishmentId = s.establishmentId;
    if (type === 'invoice') body.kind = s.kind;
    return withoutEmpty(body);
  }
  return body;
}

/**
 * A new draft leaves out what the user did not fill, so that the server applies the company's defaults
 * (terms of sale, payment terms, PDF options, quote validity); a PATCH sends null to clear a field.
 */
function withoutEmpty(body: DocumentBody): DocumentBody {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0 && field !== 'lines') continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[field] = value;
  }
  return out as DocumentBody;
}

export interface LiveTotals {
  totals: DocumentTotals | null;
  /** Why the totals cannot be computed yet (a field being typed), named by its path. */
  problem: string | null;
  schedule: ScheduledInstallment[];
  termsProblems: TermsProblem[];
}

/** The engine's input: unpriced product lines are left out until the server prices them. */
export function engineInput(s: EditorState): DocumentInput {
  // Deductions come last, as on the server, so that the engine's line nets stay index-aligned with the editable lines.
  const deductions: LineInput[] = s.deductions.map((l) => ({ kind: 'item', quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, vatCategory: l.vatCategory, depositDeduction: true }));
  return {
    lines: [
      ...s.lines.map((l): LineInput =>
        l.kind !== 'item' || l.unpriced
          ? { kind: l.kind === 'item' ? 'comment' : l.kind, quantity: '0', unitPrice: '0', vatRate: '0' }
          : {
              kind: 'item',
              quantity: toDecimalInput(l.quantity || '0'),
              unitPrice: toDecimalInput(l.unitPrice || '0'),
              discountPercent: l.discountPercent.trim() ? toDecimalInput(l.discountPercent) : null,
              vatRate: l.vatRate,
              vatCategory: l.vatCategory,
              vatExemptionReason: l.vatExemptionReason,
              otherTaxes: l.otherTaxes,
            },
      ),
      ...deductions,
    ],
    generalDiscount: s.discount.enabled ? { mode: s.discount.mode, base: s.discount.base, value: toDecimalInput(s.discount.value || '0') } : null,
    shipping: s.shipping.enabled ? { amount: toDecimalInput(s.shipping.amount || '0'), vatRate: s.shipping.vatRate } : null,
  };
}

/** Totals and schedule computed in the browser by the server's own engine: what saving will store. */
export function liveTotals(s: EditorState): LiveTotals {
  let totals: DocumentTotals | null = null;
  let problem: string | null = null;
  try {
    totals = computeTotals(engineInput(s));
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  let termsProblems: TermsProblem[] = [];
  let schedule: ScheduledInstallment[] = [];
  if (s.paymentTerms.length) {
    try {
      termsProblems = validatePaymentTerms(s.paymentTerms);
      if (!termsProblems.length && totals) schedule = computeSchedule(s.paymentTerms, { startDate: s.date, gross: totals.gross });
    } catch (error) {
      termsProblems = [{ path: 'paymentTerms', message: error instanceof Error ? error.message : String(error), code: 'invalid_installment' }];
    }
  }
  return { totals, problem, schedule, termsProblems };
}
