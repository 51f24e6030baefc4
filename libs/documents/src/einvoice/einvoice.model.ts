import type { VatCategoryCode } from '@comptoir/billing-engine';

/**
 * The EN 16931 semantic invoice (business terms BT-n, groups BG-n) that every syntax is written from:
 * CII (Factur-X EN 16931 / EXTENDED-CTC-FR) and UBL 2.1. It is built from a validated document's
 * sealed snapshot and nothing else, so the XML of an invoice never changes after validation.
 *
 * Amounts are decimal strings with two decimals ("1234.50"), unit prices up to four, quantities up to
 * four, rates as percentages ("20.00"). Credit notes carry positive amounts (the type code says the
 * sign), as EN 16931 requires. Dates are ISO calendar dates ("2026-11-23").
 */
export interface EInvoice {
  /** BT-1 */
  number: string;
  /** BT-2 */
  issueDate: string;
  /** BT-3: 380 invoice, 381 credit note, 386 prepayment (deposit) invoice, 384 corrective. */
  typeCode: '380' | '381' | '384' | '386';
  /** BT-5 */
  currency: string;
  /** BT-9 */
  dueDate: string | null;
  /** BT-7 VAT point date, when it differs from the issue date; BT-8 code 5 (VAT due on the invoice date; UNTDID 2475 in CII, 3 in UBL) when the seller pays VAT on debits (« option pour le paiement de la taxe d'après les débits »). */
  vatPointDate: string | null;
  vatOnDebits: boolean;
  /** BT-10 */
  buyerReference: string | null;
  /** BT-13 */
  purchaseOrderReference: string | null;
  /** BT-23 business process: the French « cadre de facturation » (B1, S1, M1, B2, S2, M2, B4, S4, M4…). */
  billingMode: BillingMode;
  /** BT-24: which specification the XML claims (EN 16931 or EXTENDED-CTC-FR). */
  profile: EInvoiceProfile;
  /** BAR note (BR-FR-20): the French processing category of this flow. */
  flow: 'B2B' | 'B2BINT' | 'B2C' | 'OUTOFSCOPE';
  /** BG-1: the mandatory French notes PMD, PMT, AAB; TXD for tax wording (293 B, autoliquidation…); free text without code. */
  notes: EInvoiceNote[];
  /** BG-3: invoices this one refers to (credit note → invoice; final invoice → its deposit invoices). */
  precedingInvoices: { number: string; issueDate: string }[];
  seller: EInvoiceSeller;
  buyer: EInvoiceParty;
  /** BG-13 delivery: BT-72 actual delivery date, BG-15 delivery address when it differs from the buyer's. */
  delivery: { date: string | null; address: EInvoiceAddress | null; partyName: string | null } | null;
  /** BG-14 invoicing period. */
  period: { start: string; end: string } | null;
  /** BG-16 */
  paymentMeans: EInvoicePaymentMeans[];
  /** BT-20: terms in words (installments, early-payment discount). */
  paymentTermsText: string | null;
  /** BG-20 */
  allowances: EInvoiceAllowanceCharge[];
  /** BG-21 */
  charges: EInvoiceAllowanceCharge[];
  /** BG-22 */
  totals: EInvoiceTotals;
  /** BG-23, one per (category, rate). */
  vatBreakdown: EInvoiceVatBreakdown[];
  /** BG-25 */
  lines: EInvoiceLine[];
}

export type EInvoiceProfile = 'EN16931' | 'EXTENDED-CTC-FR';

export const BILLING_MODES = ['B1', 'S1', 'M1', 'B2', 'S2', 'M2', 'B4', 'S4', 'M4'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];

/** UNTDID 4451 subject codes the French rules use (BR-FR-05/06). */
export type NoteSubject = 'PMD' | 'PMT' | 'AAB' | 'TXD' | 'BAR' | 'AAI' | 'REG' | 'ABL';

export interface EInvoiceNote {
  /** BT-21 */
  subject: NoteSubject | null;
  /** BT-22 */
  text: string;
}

export interface EInvoiceAddress {
  /** BT-35/BT-50/BT-75 */
  line1: string | null;
  /** BT-36… */
  line2: string | null;
  /** BT-37… */
  city: string | null;
  /** BT-38… */
  postalCode: string | null;
  /** BT-40…: ISO 3166-1 alpha-2 */
  country: string;
}

/** An electronic address (BT-34 seller, BT-49 buyer) with its scheme (BT-34-1: 0225 for the French directory, 0002 SIREN, 0009 SIRET, EM e-mail). */
export interface ElectronicAddress {
  value: string;
  scheme: string;
}

export interface EInvoiceParty {
  /** BT-27 / BT-44 */
  name: string;
  /** BT-28 / BT-45 trading name. */
  tradingName: string | null;
  /** BT-30 / BT-47 legal registration id: the SIREN with scheme 0002 for French companies. */
  legalId: { value: string; scheme: string | null } | null;
  /** BT-29 / BT-46 other identifiers: the SIRET with scheme 0009. */
  identifiers: { value: string; scheme: string | null }[];
  /** BT-31 / BT-48 */
  vatNumber: string | null;
  /** BT-34 / BT-49 */
  electronicAddress: ElectronicAddress | null;
  address: EInvoiceAddress;
  /** BG-6 / BG-9 contact. */
  contact: { name: string | null; phone: string | null; email: string | null } | null;
}

export interface EInvoiceSeller extends EInvoiceParty {
  /** BT-33: legal form, share capital, RCS (« SAS au capital de 10 000 € – RCS Paris 123 456 789 »). */
  legalInfo: string | null;
  /**
   * BT-32 seller tax registration id (CII scheme FC), for a seller without a VAT number: EN 16931 wants
   * BT-31 or BT-32 on exempt (E) invoices (BR-E-02), e.g. a company under the 293 B franchise.
   */
  taxRegistration?: string | null;
}

/** BG-16: UNTDID 4461 codes: 30 credit transfer, 58 SEPA credit transfer, 59 SEPA direct debit, 48 card, 20 cheque, 10 cash, 97 clearing between partners. */
export interface EInvoicePaymentMeans {
  /** BT-81 */
  code: '10' | '20' | '30' | '48' | '49' | '57' | '58' | '59' | '97';
  /** BT-82 */
  text: string | null;
  /** BT-83 remittance information. */
  remittance: string | null;
  /** BG-17 credit transfer: BT-84 IBAN, BT-85 account name, BT-86 BIC. */
  creditTransfer: { iban: string; accountName: string | null; bic: string | null } | null;
  /** BG-19 direct debit: BT-89 mandate reference, BT-90 creditor id (ICS), BT-91 debited account. */
  directDebit: { mandateReference: string; creditorId: string; debitedIban: string | null } | null;
}

export interface EInvoiceAllowanceCharge {
  /** BT-92 / BT-99 */
  amount: string;
  /** BT-93 / BT-100 */
  baseAmount: string | null;
  /** BT-94 / BT-101 */
  percent: string | null;
  /** BT-95 / BT-102 */
  vatCategory: VatCategoryCode;
  /** BT-96 / BT-103 */
  vatRate: string;
  /** BT-97 / BT-104 */
  reason: string;
  /** BT-98 (UNTDID 5189) / BT-105 (UNTDID 7161) */
  reasonCode: string | null;
}

export interface EInvoiceTotals {
  /** BT-106 */
  lineNetTotal: string;
  /** BT-107 */
  allowanceTotal: string;
  /** BT-108 */
  chargeTotal: string;
  /** BT-109 */
  netTotal: string;
  /** BT-110 */
  vatTotal: string;
  /** BT-112 */
  grossTotal: string;
  /** BT-113 */
  prepaid: string;
  /** BT-114 */
  rounding: string;
  /** BT-115 */
  due: string;
}

export interface EInvoiceVatBreakdown {
  /** BT-118 */
  category: VatCategoryCode;
  /** BT-119 */
  rate: string;
  /** BT-116 */
  taxableAmount: string;
  /** BT-117 */
  taxAmount: string;
  /** BT-120 */
  exemptionReason: string | null;
  /** BT-121 (VATEX code list): VATEX-EU-IC intra-EU, VATEX-EU-AE reverse charge, VATEX-EU-G export, VATEX-FR-FRANCHISE 293 B… */
  exemptionReasonCode: string | null;
  /** BT-8 per breakdown in CII (DueDateTypeCode 72 = on payment, 5 = on invoice/debits). */
  dueDateTypeCode: '5' | '29' | '72' | null;
}

export interface EInvoiceLine {
  /** BT-126 */
  id: string;
  /** BT-127 */
  note: string | null;
  /** BT-128 object identifier; on a deposit deduction the deposit invoice's number. */
  referencedDocument: { number: string; issueDate: string | null; typeCode: '386' | '380' } | null;
  /** BT-129 */
  quantity: string;
  /** BT-130 UN/ECE rec 20 (C62 one, HUR hour, DAY, KGM…). */
  unitCode: string;
  /** BT-131 */
  netAmount: string;
  /** BT-146 net unit price (after the line discount) and BT-148 gross price with BT-147 discount per unit. */
  netPrice: string;
  grossPrice: string | null;
  priceDiscount: string | null;
  /** BG-27 line allowances (the line discount as an amount). */
  allowances: { amount: string; baseAmount: string | null; percent: string | null; reason: string; reasonCode: string | null }[];
  /** BT-151 / BT-152 */
  vatCategory: VatCategoryCode;
  vatRate: string;
  /** BT-153 */
  name: string;
  /** BT-154 */
  description: string | null;
  /** BT-155 seller's item id. */
  sellerItemId: string | null;
  /** BG-26 line period. */
  period: { start: string; end: string } | null;
}
