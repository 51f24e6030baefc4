import { Injectable } from '@nestjs/common';
import { DomainEvent } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { EventHandler, OnDomainEvent } from '@comptoir/platform/queue';
import { NO_PLATFORM } from '../platform/platform-registry';
import { TransmissionService } from '../platform/transmission.service';
import { EInvoicingSettingsEntity } from '../settings/einvoicing-settings.entity';
import { EINVOICE_GENERATED_EVENT, EInvoiceGeneratedPayload } from './einvoice-originals.service';

/**
 * Submits each new e-invoice to the company's platform when its settings say so (autoTransmit and a
 * platform): after the originals committed, in a transaction of its own, so a platform outage never
 * undoes them. Only domestic B2B flows go to a platform (TEST documents emit no event). A failed
 * submission is recorded (status failed) and the event retried; one already on the platform is not
 * deposited again (TransmissionService.submit is idempotent).
 */
@Injectable()
@OnDomainEvent({ name: 'einvoicing.auto-transmit', events: [EINVOICE_GENERATED_EVENT] })
export class AutoTransmitHandler implements EventHandler {
  constructor(private readonly transmissions: TransmissionService) {}

  async handle(event: DomainEvent, tx: TenantTx): Promise<void> {
    if ((event.payload as unknown as EInvoiceGeneratedPayload).flow !== 'B2B') return;
    const settings = await tx.repo(EInvoicingSettingsEntity, 'E-invoicing settings').query('s').getOne();
    if (!settings?.autoTransmit || settings.platform === NO_PLATFORM) return;
    await this.transmissions.submit(tx.ctx, event.aggregateId);
  }
}
