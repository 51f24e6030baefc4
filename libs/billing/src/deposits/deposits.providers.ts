import { DepositInvoiceService } from './deposit-invoice.service';
import { OrderDepositsController, QuoteDepositsController } from './deposits.controller';

/** What deposits add to BillingModule (one line there each). */
export const DEPOSIT_CONTROLLERS = [OrderDepositsController, QuoteDepositsController];
export const DEPOSIT_PROVIDERS = [DepositInvoiceService];
