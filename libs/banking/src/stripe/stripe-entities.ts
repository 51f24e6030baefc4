import { StripeCustomerEntity } from './stripe-customer.entity';
import { StripeEventEntity } from './stripe-event.entity';
import { StripePaymentAttemptEntity } from './stripe-payment-attempt.entity';
import { StripeSettingsEntity } from './stripe-settings.entity';

export const STRIPE_ENTITIES = [StripeSettingsEntity, StripeCustomerEntity, StripeEventEntity, StripePaymentAttemptEntity];
