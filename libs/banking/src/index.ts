export * from './banking.module';
export * from './bank-accounts/bank-account.entity';
export * from './stripe/stripe-settings.entity';
export * from './stripe/stripe-customer.entity';
export * from './stripe/stripe-event.entity';
export * from './stripe/stripe-payment-attempt.entity';

import { BankAccountEntity } from './bank-accounts/bank-account.entity';
import { STRIPE_ENTITIES } from './stripe/stripe-entities';
export const BANKING_ENTITIES = [BankAccountEntity, ...STRIPE_ENTITIES];
export { STRIPE_WEBHOOK_ROUTE } from './stripe/stripe-webhook.controller';
