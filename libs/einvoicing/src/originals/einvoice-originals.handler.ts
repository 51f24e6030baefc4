import { Injectable } from '@nestjs/common';
import { DocumentPdfService, SEALED_VALIDATED_EVENTS } from '@comptoir/billing';
import { DomainEvent } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { EventHandler, OnDomainEvent } from '@comptoir/platform/queue';
import { EInvoicingSettingsEntity } from '../settings/einvoicing-settings.entity';
import { einvoiceSection, EInvoiceOriginals } from './einvoice-originals.service';

/**
 * Makes the e-invoice originals of every invoice, credit note and deposit invoice validated by a
 * company that has e-invoicing enabled. Documents of the others (and those validated before
 * e-invoicing existed) are left alone: their originals are made if someone asks for them. A
 * redelivered event is a no-op (processed-events inbox, and an existing einvoices row is returned as is).
 */
@Injectable()
@OnDomainEvent({ name: 'einvoicing.originals', events: SEALED_VALIDATED_EVENTS })
export class EInvoiceOriginalsHandler implements EventHandler {
  constructor(
    private readonly originals: EInvoiceOriginals,
    private readonly pdfs: DocumentPdfService,
  ) {}

  async handle(event: DomainEvent, tx: TenantTx): Promise<void> {
    const settings = await tx.repo(EInvoicingSettingsEntity, 'E-invoicing settings').query('s').getOne();
    if (!settings?.enabled) return;
    const doc = await this.originals.validatedDocument(tx, event.aggregateId);
    if (!einvoiceSection(doc)) return;
    // The PDF original may not be printed yet (this handler and billing's run independently): print it
    // the way billing's handler does, with the company's waiting originals in one bulk print, rather
    // than one by one after a batch validation.
    if (!doc.pdfKey) await this.pdfs.storeOriginalBacklog(tx, doc.id);
    await this.originals.ensure(tx, doc);
  }
}
