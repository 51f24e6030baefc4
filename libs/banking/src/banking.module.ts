import { Module } from '@nestjs/common';
import { BillingModule } from '@comptoir/billing';
import { STRIPE_CONTROLLERS, STRIPE_PROVIDERS } from './stripe/stripe-providers';
import { BANKING_CONTROLLERS, BANKING_PROVIDERS } from './banking.providers';

/**
 * HTTP side of banking: bank accounts (IBAN/BIC), SEPA mandates, SEPA direct-debit batches and
 * Stripe collection. It sits above billing: it collects invoices and records the resulting payments
 * through billing's public API.
 */
@Module({
  imports: [BillingModule],
  controllers: [...BANKING_CONTROLLERS, ...STRIPE_CONTROLLERS],
  providers: [...BANKING_PROVIDERS, ...STRIPE_PROVIDERS],
})
export class BankingModule {}

/** Worker side of banking: pre-notification mails and Stripe follow-ups. */
@Module({
  imports: [],
  providers: [],
})
export class BankingWorkerModule {}
