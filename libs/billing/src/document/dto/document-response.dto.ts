import { ApiProperty } from '@nestjs/swagger';
import type { VatCategoryCode } from '@comptoir/billing-engine';
import { PageOf, TimestampsDto } from '@comptoir/platform/http';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, DocumentStatus, DocumentType, INVOICE_KINDS, InvoiceKind, LINE_KINDS, LineKind, LINK_RELATIONS, LinkRelation } from '../document-kinds';
import { OtherTaxDto } from '@comptoir/catalog';
import { DocumentBalanceDto } from '../../payments/dto/live-balance.dto';
import { COLLECTION_STATUSES, CollectionStatus, PAYMENT_STATUSES, PaymentStatusOfInvoice, RECOVERY_STATUSES, RecoveryStatus } from '../document-kinds';
import { DocumentAddressDto, EarlyPaymentDiscountDto, GeneralDiscountDto, InstallmentDto, PdfOptionsDto, ShippingDto, VAT_CATEGORIES } from './document-parts.dto';

export class VatBreakdownDto {
  @ApiProperty({ enum: VAT_CATEGORIES, example: 'S' }) category: VatCategoryCode;
  @ApiProperty({ example: '20.00' }) rate: string;
  @ApiProperty({ example: '250.00' }) base: string;
  @ApiProperty({ example: '50.00' }) amount: string;
  @ApiProperty({ example: null, nullable: true, type: String }) exemptionReason?: string | null;
}

export class AllowanceChargeDto {
  @ApiProperty({ example: 'Remise' }) reason: string;
  @ApiProperty({ example: '12.50' }) amount: string;
  @ApiProperty({ example: '20.00' }) vatRate: string;
  @ApiProperty({ enum: VAT_CATEGORIES, example: 'S' }) vatCategory: VatCategoryCode;
}

/** EN 16931 totals: amounts with 2 decimals. */
export class DocumentTotalsDto {
  @ApiProperty({ example: '262.50', description: 'Sum of line nets (BT-106)' }) lineNetTotal: string;
  @ApiProperty({ type: [AllowanceChargeDto] }) allowances: AllowanceChargeDto[];
  @ApiProperty({ type: [AllowanceChargeDto] }) charges: AllowanceChargeDto[];
  @ApiProperty({ example: '12.50' }) allowanceTotal: string;
  @ApiProperty({ example: '0.00' }) chargeTotal: string;
  @ApiProperty({ example: '250.00', description: 'Total net of VAT (BT-109)' }) net: string;
  @ApiProperty({ type: [VatBreakdownDto] }) vat: VatBreakdownDto[];
  @ApiProperty({ example: '50.00' }) vatTotal: string;
  @ApiProperty({ example: '300.00', description: 'Total with VAT (BT-112)' }) gross: string;
  @ApiProperty({ example: '0.00', description: 'Final invoices: gross of the deposit invoices deducted by negative lines (informational: already in net, VAT and gross)' }) deposits: string;
  @ApiProperty({ example: '0.00', description: 'Deposits and payments already received (BT-113)' }) prepaid: string;
  @ApiProperty({ example: '300.00', description: 'Amount due (BT-115)' }) due: string;
}

export class ScheduledInstallmentDto {
  @ApiProperty({ example: 0 }) index: number;
  @ApiProperty({ example: '2026-12-31' }) dueDate: string;
  @ApiProperty({ example: '100.00' }) percent: string;
  @ApiProperty({ example: '300.00' }) amount: string;
  @ApiProperty({ enum: ['deposit', 'payment'], example: 'payment' }) kind: 'deposit' | 'payment';
  @ApiProperty({ example: null, nullable: true, type: String }) method?: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) label?: string | null;
}

export class DocumentLineDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) id: string;
  @ApiProperty({ example: 0 }) position: number;
  @ApiProperty({ enum: LINE_KINDS, example: 'item' }) kind: LineKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) productId: string | null;
  @ApiProperty({ enum: ['goods', 'service'], nullable: true, example: 'service' }) productType: 'goods' | 'service' | null;
  @ApiProperty({ example: 'PREST-H', nullable: true, type: String }) reference: string | null;
  @ApiProperty({ example: 'Heure de ménage' }) description: string;
  @ApiProperty({ example: '2.0000' }) quantity: string;
  @ApiProperty({ example: 'hour', nullable: true, type: String }) unit: string | null;
  @ApiProperty({ example: '100.0000' }) unitPrice: string;
  @ApiProperty({ example: null, nullable: true, type: String }) discountPercent: string | null;
  @ApiProperty({ example: '20.00' }) vatRate: string;
  @ApiProperty({ enum: VAT_CATEGORIES, example: 'S' }) vatCategory: VatCategoryCode;
  @ApiProperty({ example: null, nullable: true, type: String }) vatExemptionReason: string | null;
  @ApiProperty({ type: [OtherTaxDto] }) otherTaxes: OtherTaxDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) availabilityDate: string | null;
  @ApiProperty({ example: '200.00' }) net: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The line it was copied from or corrects' }) sourceLineId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'Final invoices: the deposit invoice this negative line deducts (read-only)' }) depositInvoiceId: string | null;
}

export class SalesDocumentResponseDto extends TimestampsDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) id: string;
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'invoice' }) type: DocumentType;
  @ApiProperty({ enum: INVOICE_KINDS, nullable: true, example: 'invoice', description: 'Invoices only' }) kind: InvoiceKind | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES, example: 'draft' }) status: DocumentStatus;
  @ApiProperty({ example: 'FA-2026-00042', nullable: true, type: String, description: 'Assigned at validation' }) number: string | null;
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcf' }) establishmentId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) accountId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) contactId: string | null;
  @ApiProperty({ example: 'Entretien des locaux', nullable: true, type: String }) title: string | null;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty({ example: null, nullable: true, type: String }) validityDate: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) deliveryDate: string | null;
  @ApiProperty({ example: '2026-12-31', nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ example: 'transfer', nullable: true, type: String }) paymentMethod: string | null;
  @ApiProperty({ type: [InstallmentDto] }) paymentTerms: InstallmentDto[];
  @ApiProperty({ type: EarlyPaymentDiscountDto, nullable: true, description: "Option of the payment terms; null prints \"pas d'escompte pour paiement anticipé\"" }) earlyPaymentDiscount: EarlyPaymentDiscountDto | null;
  @ApiProperty({ type: [ScheduledInstallmentDto] }) schedule: ScheduledInstallmentDto[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) assignedUserId: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) internalNote: string | null;
  @ApiProperty({ type: DocumentAddressDto, nullable: true }) billingAddress: DocumentAddressDto | null;
  @ApiProperty({ type: DocumentAddressDto, nullable: true }) deliveryAddress: DocumentAddressDto | null;
  @ApiProperty({ example: null, nullable: true, type: String }) deliveryAttention: string | null;
  @ApiProperty({ example: 'FR40123456824', nullable: true, type: String }) sellerVatNumber: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) buyerVatNumber: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) termsOfSale: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) specialTerms: string | null;
  @ApiProperty({ type: PdfOptionsDto }) pdfOptions: PdfOptionsDto;
  @ApiProperty({ type: GeneralDiscountDto, nullable: true }) generalDiscount: GeneralDiscountDto | null;
  @ApiProperty({ type: ShippingDto, nullable: true }) shipping: ShippingDto | null;
  @ApiProperty({ example: false }) proforma: boolean;
  @ApiProperty({ example: false, description: 'Sandbox company: prints TEST, no legal number, never sealed' }) testMode: boolean;
  @ApiProperty({ example: 1, description: 'Quote version' }) revision: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'First version of a revised quote' }) revisionOf: string | null;
  @ApiProperty({ type: DocumentTotalsDto }) totals: DocumentTotalsDto;
  @ApiProperty({ type: [DocumentLineDto] }) lines: DocumentLineDto[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'Credit notes: the invoice they correct' }) creditedInvoiceId: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) validatedAt: string | null;
  @ApiProperty({ example: false, description: 'The original PDF is stored' }) hasOriginalPdf: boolean;
  @ApiProperty({ example: 'generated', nullable: true, type: String, description: 'Invoices, credit notes and deposit invoices: where the e-invoice stands (generated, submitted, then the platform lifecycle: deposited … cashed_in, rejected); null before its originals are made' }) einvoiceStatus: string | null;
  @ApiProperty({ enum: PAYMENT_STATUSES, nullable: true, example: 'partially_paid', description: 'Validated invoices and deposit invoices only' }) paymentStatus: PaymentStatusOfInvoice | null;
  @ApiProperty({ type: DocumentBalanceDto, nullable: true, description: 'The live position (payments, credit notes); null on drafts, TEST mode and other types. Never part of the sealed totals' }) balance: DocumentBalanceDto | null;
  @ApiProperty({ enum: COLLECTION_STATUSES, nullable: true, example: null, description: 'pending while a SEPA or Stripe collection is in flight' }) collectionStatus: CollectionStatus | null;
  @ApiProperty({ enum: RECOVERY_STATUSES, nullable: true, example: null, description: 'Disputed, judicial recovery or factored: dunning is suspended' }) recoveryStatus: RecoveryStatus | null;
}

/** A list row: the header and totals, no lines. */
export class SalesDocumentSummaryDto extends TimestampsDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) id: string;
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'invoice' }) type: DocumentType;
  @ApiProperty({ enum: INVOICE_KINDS, nullable: true, example: 'invoice' }) kind: InvoiceKind | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES, example: 'validated' }) status: DocumentStatus;
  @ApiProperty({ example: 'FA-2026-00042', nullable: true, type: String }) number: string | null;
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) accountId: string;
  @ApiProperty({ example: 'Boulangerie Martin' }) accountName: string;
  @ApiProperty({ example: null, nullable: true, type: String }) title: string | null;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty({ example: '2026-12-31', nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '250.00' }) net: string;
  @ApiProperty({ example: '50.00' }) vatTotal: string;
  @ApiProperty({ example: '300.00' }) gross: string;
  @ApiProperty({ example: '300.00' }) due: string;
  @ApiProperty({ example: false }) testMode: boolean;
  @ApiProperty({ example: 'generated', nullable: true, type: String, description: 'Invoices, credit notes and deposit invoices: where the e-invoice stands (generated, submitted, then the platform lifecycle: deposited … cashed_in, rejected); null before its originals are made' }) einvoiceStatus: string | null;
  @ApiProperty({ enum: PAYMENT_STATUSES, nullable: true, example: 'unpaid' }) paymentStatus: PaymentStatusOfInvoice | null;
  @ApiProperty({ type: DocumentBalanceDto, nullable: true }) balance: DocumentBalanceDto | null;
  @ApiProperty({ enum: COLLECTION_STATUSES, nullable: true, example: null }) collectionStatus: CollectionStatus | null;
  @ApiProperty({ enum: RECOVERY_STATUSES, nullable: true, example: null }) recoveryStatus: RecoveryStatus | null;
}

export class SalesDocumentPageDto extends PageOf(SalesDocumentSummaryDto) {}

export class DocumentMapNodeDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) id: string;
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'quote' }) type: DocumentType;
  @ApiProperty({ enum: INVOICE_KINDS, nullable: true, example: null }) kind: InvoiceKind | null;
  @ApiProperty({ example: 'DE-2026-0007', nullable: true, type: String }) number: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES, example: 'done' }) status: DocumentStatus;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty({ example: '250.00' }) net: string;
  @ApiProperty({ example: '300.00' }) gross: string;
}

export class DocumentMapEdgeDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' }) parentId: string;
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abce' }) childId: string;
  @ApiProperty({ enum: LINK_RELATIONS, example: 'converted' }) relation: LinkRelation;
}

export class DocumentMapDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd', description: 'The document asked for' }) rootId: string;
  @ApiProperty({ type: [DocumentMapNodeDto] }) nodes: DocumentMapNodeDto[];
  @ApiProperty({ type: [DocumentMapEdgeDto] }) edges: DocumentMapEdgeDto[];
}

export class ValidateBatchResponseDto {
  @ApiProperty({ example: 2 }) count: number;
  @ApiProperty({ example: [{ id: '01934567-89ab-7cde-8f01-23456789abcd', number: 'FA-2026-00042' }], type: 'array', items: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, number: { type: 'string' } } } })
  validated: { id: string; number: string }[];
}
