import { Column, Entity, ForeignKey, Index, Unique } from 'typeorm';
import { CompanyOwnedEntity } from '@comptoir/platform/database';
import type { DocumentTotals, EarlyPaymentDiscount, GeneralDiscountInput, InstallmentInput, ScheduledInstallment, ShippingInput } from '@comptoir/billing-engine';
import type { PdfOptions } from '@comptoir/documents';
import type { CollectionStatus, DocumentStatus, DocumentType, InvoiceKind, PaymentStatusOfInvoice, RecoveryStatus } from './document-kinds';

export interface DocumentAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  country: string;
}

/**
 * A quote, sales order, delivery note or invoice (kind invoice, deposit or credit note): one aggregate,
 * one table, because the four share their header, lines, totals and life cycle, and a document becomes
 * the next one of the chain by conversion. Once validated its legal fields are frozen (service checks,
 * plus a trigger of the Billing migration that refuses any change at the database level).
 */
@Entity('sales_documents')
@Index('ix_sales_documents_type_date', ['companyId', 'type', 'date', 'id'])
@Index('ix_sales_documents_type_updated', ['companyId', 'type', 'updatedAt', 'id'])
@Index('ix_sales_documents_type_created', ['companyId', 'type', 'createdAt', 'id'])
@Index('ix_sales_documents_account', ['companyId', 'accountId'])
@Index('ix_sales_documents_number', ['companyId', 'number'], { where: 'number IS NOT NULL' })
@Index('ix_sales_documents_credited', ['companyId', 'creditedInvoiceId'], { where: 'credited_invoice_id IS NOT NULL' })
// The worker's backlog of validated invoices still waiting for their stored PDF original.
@Index('ix_sales_documents_pending_original', ['companyId', 'validatedAt', 'id'], { where: "type = 'invoice' AND snapshot IS NOT NULL AND pdf_key IS NULL" })
// Open receivables of a customer as of today. IS NULL, not `balance_due <> 0`: only leakproof predicates
// match under row-level security (migration ReceivablesPerformance).
@Index('ix_sales_documents_open', ['companyId', 'accountId', 'dueDate'], { where: "settled_on IS NULL AND type = 'invoice' AND balance_due IS NOT NULL" })
// Receivables at any date: the invoices still open then (settled_on null or later), not the settled history;
// covering (INCLUDE, which TypeORM cannot declare: migrations ReceivablesIndexes and ReceivablesPerformance).
@Index('ix_sales_documents_receivable', { synchronize: false })
@Unique('uq_sales_documents_company_id', ['companyId', 'id'])
@ForeignKey('companies', ['organizationId', 'companyId'], ['organizationId', 'id'], { name: 'fk_sales_documents_company' })
@ForeignKey('establishments', ['companyId', 'establishmentId'], ['companyId', 'id'], { name: 'fk_sales_documents_establishment' })
@ForeignKey('accounts', ['companyId', 'accountId'], ['companyId', 'id'], { name: 'fk_sales_documents_account' })
@ForeignKey('contacts', ['companyId', 'contactId'], ['companyId', 'id'], { name: 'fk_sales_documents_contact' })
@ForeignKey('sales_documents', ['companyId', 'creditedInvoiceId'], ['companyId', 'id'], { name: 'fk_sales_documents_credited_invoice' })
export class SalesDocumentEntity extends CompanyOwnedEntity {
  @Column('varchar', { length: 20 })
  type: DocumentType;

  /** Invoices only: invoice, deposit or credit_note; null for the other types. */
  @Column('varchar', { length: 20, nullable: true })
  kind: InvoiceKind | null;

  @Column('varchar', { length: 20, default: 'draft' })
  status: DocumentStatus;

  /** The legal number, assigned at validation (null on drafts). */
  @Column('varchar', { length: 60, nullable: true })
  number: string | null;

  /** Frozen at creation. */
  @Column('uuid')
  establishmentId: string;

  /** Frozen at creation. */
  @Column('char', { length: 3 })
  currency: string;

  @Column('uuid')
  accountId: string;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @Column('varchar', { length: 200, nullable: true })
  title: string | null;

  @Column('date')
  date: string;

  /** Quotes: valid until. */
  @Column('date', { nullable: true })
  validityDate: string | null;

  /** Orders: expected delivery. */
  @Column('date', { nullable: true })
  deliveryDate: string | null;

  /** Invoices: given, or the last installment of the schedule. */
  @Column('date', { nullable: true })
  dueDate: string | null;

  @Column('varchar', { length: 20, nullable: true })
  paymentMethod: string | null;

  @Column('jsonb', { default: () => `'[]'` })
  paymentTerms: InstallmentInput[];

  @Column('jsonb', { default: () => `'[]'` })
  schedule: ScheduledInstallment[];

  /** Option of the payment terms: "escompte" of `percent` when paid within `withinDays`; null prints "pas d'escompte". */
  @Column('jsonb', { nullable: true })
  earlyPaymentDiscount: EarlyPaymentDiscount | null;

  @Column('uuid', { nullable: true })
  assignedUserId: string | null;

  /** Never printed. */
  @Column('text', { nullable: true })
  internalNote: string | null;

  @Column('jsonb', { nullable: true })
  billingAddress: DocumentAddress | null;

  @Column('jsonb', { nullable: true })
  deliveryAddress: DocumentAddress | null;

  /** "À l'attention de" on the delivery address. */
  @Column('varchar', { length: 200, nullable: true })
  deliveryAttention: string | null;

  @Column('varchar', { length: 20, nullable: true })
  sellerVatNumber: string | null;

  @Column('varchar', { length: 20, nullable: true })
  buyerVatNumber: string | null;

  @Column('text', { nullable: true })
  termsOfSale: string | null;

  @Column('text', { nullable: true })
  specialTerms: string | null;

  @Column('jsonb')
  pdfOptions: PdfOptions;

  @Column('jsonb', { nullable: true })
  generalDiscount: GeneralDiscountInput | null;

  @Column('jsonb', { nullable: true })
  shipping: ShippingInput | null;

  /** Quotes and orders: printed as a pro-forma invoice (no number, no legal value). */
  @Column('boolean', { default: false })
  proforma: boolean;

  /** Created in a sandbox company: prints TEST, consumes no legal number, never sealed. */
  @Column('boolean', { default: false })
  testMode: boolean;

  /** Quote versions: 1 for the first, n + 1 for each revision of the same quote. */
  @Column('smallint', { default: 1 })
  revision: number;

  /** The first version of a revised quote. */
  @Column('uuid', { nullable: true })
  revisionOf: string | null;

  @Column('numeric', { precision: 19, scale: 2, default: 0 })
  net: string;

  @Column('numeric', { precision: 19, scale: 2, default: 0 })
  vatTotal: string;

  @Column('numeric', { precision: 19, scale: 2, default: 0 })
  gross: string;

  @Column('numeric', { precision: 19, scale: 2, default: 0 })
  prepaid: string;

  @Column('numeric', { precision: 19, scale: 2, default: 0 })
  due: string;

  /**
   * The live position of a validated invoice or deposit invoice (API `balance`; payments and credit
   * notes change it, the seal does not cover it): received, credited, still due. On a credit note,
   * `balanceDue` is the credit not yet allocated nor refunded. Null/zero on drafts and other types.
   */
  @Column('numeric', { precision: 19, scale: 2, default: 0 })
  paid: string;

  @Column('numeric', { precision: 19, scale: 2, default: 0 })
  credited: string;

  @Column('numeric', { precision: 19, scale: 2, nullable: true })
  balanceDue: string | null;

  /** Invoices and deposit invoices once validated: unpaid, partially_paid or paid. */
  @Column('varchar', { length: 20, nullable: true })
  paymentStatus: PaymentStatusOfInvoice | null;

  /** The date of the allocation that brought the balance to zero (reports as of an earlier date still see it open). */
  @Column('date', { nullable: true })
  settledOn: string | null;

  /** `pending` while a SEPA collection or a Stripe payment is in flight. */
  @Column('varchar', { length: 20, nullable: true })
  collectionStatus: CollectionStatus | null;

  /** Disputed, in judicial recovery or assigned to a factor: dunning is suspended. */
  @Column('varchar', { length: 20, nullable: true })
  recoveryStatus: RecoveryStatus | null;

  /** The whole EN 16931 computation (breakdown per rate, allowances, charges), recomputed on every write. */
  @Column('jsonb')
  totals: DocumentTotals;

  /** What validation froze (and sealed, for invoices): seller, buyer, lines, totals, schedule, legal data. */
  @Column('jsonb', { nullable: true })
  snapshot: Record<string, unknown> | null;

  @Column('timestamptz', { nullable: true })
  validatedAt: Date | null;

  /** Id of the user or API key that validated. */
  @Column('uuid', { nullable: true })
  validatedBy: string | null;

  /** Credit notes: the invoice they correct. */
  @Column('uuid', { nullable: true })
  creditedInvoiceId: string | null;

  /** Where its e-invoice stands (generated, submitted, deposited … cashed_in): kept by the e-invoicing module, null before. */
  @Column('varchar', { length: 20, nullable: true })
  einvoiceStatus: string | null;

  /** Stored original PDF (set once). */
  @Column('varchar', { length: 512, nullable: true })
  pdfKey: string | null;

  @Column('char', { length: 64, nullable: true })
  pdfSha256: string | null;

  /** Millisecond precision, as JavaScript dates: keyset cursors compare exactly. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
