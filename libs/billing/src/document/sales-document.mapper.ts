import type { DocumentTotals } from '@comptoir/billing-engine';
import { liveBalanceOf } from '../payments/live-balance';
import { soldLine } from './document-snapshot';
import { DocumentLineDto, DocumentTotalsDto, SalesDocumentResponseDto, SalesDocumentSummaryDto } from './dto/document-response.dto';
import { SalesDocumentLineEntity } from './sales-document-line.entity';
import { SalesDocumentEntity } from './sales-document.entity';

export function toTotalsDto(t: DocumentTotals): DocumentTotalsDto {
  return {
    lineNetTotal: t.lineNetTotal,
    allowances: t.allowances,
    charges: t.charges,
    allowanceTotal: t.allowanceTotal,
    chargeTotal: t.chargeTotal,
    net: t.net,
    vat: t.vat,
    vatTotal: t.vatTotal,
    gross: t.gross,
    // Totals frozen before deposits existed have no such field: nothing was deducted.
    deposits: t.deposits ?? '0.00',
    prepaid: t.prepaid,
    due: t.due,
  };
}

export function toLineDto(l: SalesDocumentLineEntity): DocumentLineDto {
  return { id: l.id, ...soldLine(l) };
}

export function toDocumentDto(d: SalesDocumentEntity, lines: SalesDocumentLineEntity[]): SalesDocumentResponseDto {
  return {
    id: d.id,
    type: d.type,
    kind: d.kind,
    status: d.status,
    number: d.number,
    establishmentId: d.establishmentId,
    currency: d.currency,
    accountId: d.accountId,
    contactId: d.contactId,
    title: d.title,
    date: d.date,
    validityDate: d.validityDate,
    deliveryDate: d.deliveryDate,
    dueDate: d.dueDate,
    paymentMethod: d.paymentMethod,
    paymentTerms: d.paymentTerms,
    earlyPaymentDiscount: d.earlyPaymentDiscount,
    schedule: d.schedule,
    assignedUserId: d.assignedUserId,
    internalNote: d.internalNote,
    billingAddress: d.billingAddress,
    deliveryAddress: d.deliveryAddress,
    deliveryAttention: d.deliveryAttention,
    sellerVatNumber: d.sellerVatNumber,
    buyerVatNumber: d.buyerVatNumber,
    termsOfSale: d.termsOfSale,
    specialTerms: d.specialTerms,
    pdfOptions: d.pdfOptions,
    generalDiscount: d.generalDiscount,
    shipping: d.shipping,
    proforma: d.proforma,
    testMode: d.testMode,
    revision: d.revision,
    revisionOf: d.revisionOf,
    totals: toTotalsDto(d.totals),
    lines: lines.map(toLineDto),
    creditedInvoiceId: d.creditedInvoiceId,
    validatedAt: d.validatedAt?.toISOString() ?? null,
    hasOriginalPdf: d.pdfKey !== null,
    einvoiceStatus: d.einvoiceStatus,
    ...liveBalanceOf(d),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toSummaryDto(d: SalesDocumentEntity, accountName: string): SalesDocumentSummaryDto {
  return {
    id: d.id,
    type: d.type,
    kind: d.kind,
    status: d.status,
    number: d.number,
    accountId: d.accountId,
    accountName,
    title: d.title,
    date: d.date,
    dueDate: d.dueDate,
    currency: d.currency,
    net: d.net,
    vatTotal: d.vatTotal,
    gross: d.gross,
    due: d.due,
    testMode: d.testMode,
    einvoiceStatus: d.einvoiceStatus,
    ...liveBalanceOf(d),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
