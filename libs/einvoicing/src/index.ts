export * from './einvoicing.module';
export * from './settings/einvoicing-settings.entity';
export * from './originals/einvoice.entity';
export * from './platform/lifecycle';
export * from './platform/lifecycle-event.entity';
export * from './settings/einvoicing-settings.service';
export * from './validation/einvoice-validator';
export * from './validation/validation-report';
export * from './validation/standards-unavailable.error';
export * from './completeness/einvoice-section';
export { EINVOICE_INCOMPLETE } from './completeness/einvoice-incomplete';
export { toEInvoice } from './mapping/to-einvoice';

import { EInvoicingSettingsEntity } from './settings/einvoicing-settings.entity';
import { EInvoiceEntity } from './originals/einvoice.entity';
import { EInvoiceLifecycleEventEntity } from './platform/lifecycle-event.entity';
export const EINVOICING_ENTITIES = [EInvoicingSettingsEntity, EInvoiceEntity, EInvoiceLifecycleEventEntity];
