/**
 * Every browser journey, one API and one Chromium for all (stage web-e2e of `npm test`):
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/run-all.ts
 */
import { customerJourney } from './customer-journey';
import { depositsJourney } from './deposits-journey';
import { dunningJourney } from './dunning-journey';
import { einvoicingJourney } from './einvoicing-journey';
import { paymentsJourney } from './payments-journey';
import { salesJourney } from './sales-journey';
import { sepaJourney } from './sepa-journey';
import { stripeJourney } from './stripe-journey';
import { runMain } from './support/harness';

runMain([customerJourney, salesJourney, paymentsJourney, dunningJourney, sepaJourney, depositsJourney, stripeJourney, einvoicingJourney]);
