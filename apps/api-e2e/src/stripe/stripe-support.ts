import { randomBytes } from 'node:crypto';
import { newId } from '@comptoir/platform/kernel';
import { createCustomer, draftInvoice } from '../billing/billing-fixtures';
import { SignedUpOrg } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { FakeStripe, signedEvent } from './fake-stripe';

/** Keys of one company's Stripe account, known to the fake server. */
export interface StripeKeys {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
}

const token = () => randomBytes(18).toString('hex');

export function newStripeKeys(fake: FakeStripe, accountName: string): StripeKeys {
  const keys = { secretKey: `sk_test_${token()}`, publishableKey: `pk_test_${token()}`, webhookSecret: `whsec_${token()}` };
  fake.addAccount(keys.secretKey, accountName);
  return keys;
}

export async function configureStripe(t: TestApp, org: SignedUpOrg, keys: StripeKeys): Promise<void> {
  await t.http().put('/api/v1/stripe/settings').set(org.auth).send(keys).expect(200);
}

/**
 * A customer of the company with an email and a bank account. The bank account is written as the
 * database owner: this suite is about Stripe, not about the bank-accounts API.
 */
export async function customerWithIban(t: TestApp, org: SignedUpOrg, iban = 'FR1420041010050500013M02606'): Promise<{ accountId: string; bankAccountId: string }> {
  const customer = await createCustomer(() => t.http(), org.auth, `Client ${token().slice(0, 6)}`);
  await t.http().patch(`/api/v1/accounts/${customer.id}`).set(org.auth).send({ email: `compta-${token().slice(0, 6)}@client.test` }).expect(200);
  const bankAccountId = newId();
  await t.sql(`INSERT INTO bank_accounts (id, organization_id, company_id, account_id, iban, holder) VALUES ($1, $2, $3, $4, $5, 'Client SARL')`, [
    bankAccountId,
    org.organizationId,
    org.companyId,
    customer.id,
    iban,
  ]);
  return { accountId: customer.id, bankAccountId };
}

/** A validated invoice of `net` at 20 % for the customer. */
export async function validatedInvoice(t: TestApp, org: SignedUpOrg, accountId: string, net = '1234.56'): Promise<{ id: string; gross: string }> {
  const draft = await draftInvoice(() => t.http(), org.auth, accountId, { amount: net });
  await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).send({}).expect(200);
  return draft;
}

/** Posts an event to a company's webhook endpoint, signed with `secret`. */
export function deliver(t: TestApp, companyId: string, payload: string, secret: string) {
  const { signature } = signedEvent(payload, secret);
  return t.http().post(`/api/v1/stripe/webhooks/${companyId}`).set('Content-Type', 'application/json').set('Stripe-Signature', signature).send(payload);
}
