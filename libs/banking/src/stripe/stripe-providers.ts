import { StripeCollectionController } from './stripe-collection.controller';
import { StripeCollectionService } from './stripe-collection.service';
import { StripeCustomerController } from './stripe-customer.controller';
import { StripeCustomerService } from './stripe-customer.service';
import { StripeGateway } from './stripe-gateway';
import { SECRET_BOX_PROVIDER } from './stripe-secrets';
import { StripeSettingsController } from './stripe-settings.controller';
import { StripeSettingsService } from './stripe-settings.service';
import { StripeWebhookController } from './stripe-webhook.controller';
import { StripeWebhookService } from './stripe-webhook.service';

/** What BankingModule registers for Stripe collection. */
export const STRIPE_CONTROLLERS = [StripeSettingsController, StripeCustomerController, StripeCollectionController, StripeWebhookController];
export const STRIPE_PROVIDERS = [SECRET_BOX_PROVIDER, StripeGateway, StripeSettingsService, StripeCustomerService, StripeCollectionService, StripeWebhookService];
