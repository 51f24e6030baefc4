import { Provider } from '@nestjs/common';
import { AppConfig } from '@comptoir/platform/config';
import { STANDARDS_DIR } from '@comptoir/platform/standards';
import { EInvoiceCheck } from './einvoice-check.service';
import { EINVOICE_STANDARDS_DIR, EInvoiceValidator } from './einvoice-validator';

/** The validator and the check endpoint's service; the standards folder comes from AppConfig (COMPTOIR_STANDARDS_DIR). */
export const VALIDATION_PROVIDERS: Provider[] = [
  { provide: EINVOICE_STANDARDS_DIR, inject: [AppConfig], useFactory: (config: AppConfig) => config.standardsDir ?? STANDARDS_DIR },
  EInvoiceValidator,
  EInvoiceCheck,
];
