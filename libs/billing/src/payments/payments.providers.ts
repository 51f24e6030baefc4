import { CreditSettlementService } from './credit-settlement.service';
import { InvoiceCollectionFlags } from './invoice-collection-flags';
import { PaymentCancellationSealSource, PaymentSealSource } from './payment-seal';
import { PaymentService } from './payment.service';
import { PaymentsController, RefundsController, SettlementHistoryController } from './payments.controller';
import { SettlementLedger } from './settlement-ledger';

/** What the payments part adds to BillingModule (one line there each, so the module file stays shared-edit friendly). */
export const PAYMENT_CONTROLLERS = [PaymentsController, RefundsController, SettlementHistoryController];
/** Exported too: deposits, banking (SEPA) and Stripe record payments and flag collections through them. */
export const PAYMENT_PROVIDERS = [SettlementLedger, PaymentService, CreditSettlementService, InvoiceCollectionFlags];
/** Payments and their cancellations are sealed: /ledger/verify recomputes both from the rows. */
export const PAYMENT_SEAL_SOURCES = [PaymentSealSource, PaymentCancellationSealSource];
