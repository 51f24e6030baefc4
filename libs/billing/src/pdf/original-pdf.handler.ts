import { Injectable } from '@nestjs/common';
import { DomainEvent } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { EventHandler, OnDomainEvent } from '@comptoir/platform/queue';
import { DocumentPdfService } from './document-pdf.service';

export const SEALED_VALIDATED_EVENTS = ['billing.invoice.validated', 'billing.credit_note.validated', 'billing.deposit.validated'] as const;

/**
 * Renders, stores and seals the original PDF of every validated invoice, credit note and deposit
 * invoice, once: the processed-events inbox and the claim of rows without an original (SKIP LOCKED)
 * make a redelivered event a no-op. Each event takes the company's waiting originals with it, so a
 * burst of validations is printed in bulk.
 */
@Injectable()
@OnDomainEvent({ name: 'billing.original-pdf', events: SEALED_VALIDATED_EVENTS })
export class OriginalPdfHandler implements EventHandler {
  constructor(private readonly pdfs: DocumentPdfService) {}

  async handle(event: DomainEvent, tx: TenantTx): Promise<void> {
    await this.pdfs.storeOriginalBacklog(tx, event.aggregateId);
  }
}
