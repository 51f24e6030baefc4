import { Injectable } from '@nestjs/common';
import { SalesDocumentEntity } from '@comptoir/billing';
import { TenantTx } from '@comptoir/platform/database';
import { DomainEvent } from '@comptoir/platform/kernel';
import { EventHandler, OnDomainEvent } from '@comptoir/platform/queue';
import { einvoiceSection } from '../originals/einvoice-originals.service';
import { SellerStatusService } from './seller-status.service';

interface PaymentEventPayload {
  allocations?: { invoiceId: string }[];
}

/**
 * A domestic B2B service invoice fully paid: VAT on receipts is due, and the reform wants the
 * payment known, so the seller's 212 cashed-in status (with the cash per VAT rate) goes to the
 * platform. Billing has no "invoice paid" event: the payment events name the invoices they
 * allocated to, and each one's live payment status says whether it is now paid. An invoice that
 * was never transmitted, is closed or already cashed in is left alone.
 */
@Injectable()
@OnDomainEvent({ name: 'einvoicing.cashed-in', events: ['billing.payment.recorded', 'billing.payment.allocated'] })
export class CashedInHandler implements EventHandler {
  constructor(private readonly sellerStatuses: SellerStatusService) {}

  async handle(event: DomainEvent, tx: TenantTx): Promise<void> {
    const invoiceIds = new Set(((event.payload as PaymentEventPayload).allocations ?? []).map((a) => a.invoiceId));
    for (const id of invoiceIds) {
      const doc = await tx.repo(SalesDocumentEntity, 'Invoice').findById(id);
      if (doc && cashedInIsDue(doc)) await this.sellerStatuses.emitIn(tx, doc, 212, null);
    }
  }
}

/** Paid in full, a domestic B2B e-invoice, services, VAT on receipts (not on debits). */
export function cashedInIsDue(doc: SalesDocumentEntity): boolean {
  const legal = doc.snapshot?.['legal'] as { operationCategory?: string; vatOnDebits?: boolean } | undefined;
  return doc.paymentStatus === 'paid' && einvoiceSection(doc)?.flow === 'B2B' && legal?.operationCategory === 'services' && legal.vatOnDebits !== true;
}
