import request from 'supertest';
import { createCustomer, draftInvoice } from '../billing/billing-fixtures';
import { SignedUpOrg } from '../support/fixtures';

type Http = () => request.Agent;

/** IBANs and BICs of the shared vectors (standards/identifiers), valid and consistent. */
export const CREDITOR_IBAN = 'FR7630006000011234567890189';
export const CREDITOR_BIC = 'AGRIFRPP';
export const DEBTOR_IBAN = 'FR1420041010050500013M02606';
export const DEBTOR_BIC = 'PSSTFRPPPAR';
export const OTHER_BANK_IBAN = 'DE89370400440532013000';
export const CREDITOR_ID = 'FR72ZZZ123456';

/** The company ready to collect: its ICS and a default bank account. */
export async function setupCreditor(http: Http, org: SignedUpOrg): Promise<{ bankAccountId: string }> {
  await http().patch(`/api/v1/companies/${org.companyId}`).set(org.auth).send({ sepaCreditorId: CREDITOR_ID, address: { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' } }).expect(200);
  const res = await http().post('/api/v1/bank-accounts').set(org.auth).send({ iban: CREDITOR_IBAN, bic: CREDITOR_BIC, holder: 'Atelier SAS', label: 'Compte courant' }).expect(201);
  return { bankAccountId: res.body.id };
}

export interface Debtor {
  customerId: string;
  bankAccountId: string;
  mandateId: string;
}

/** A customer with an email, a bank account and an active mandate signed today-ish. */
export async function debtorWithMandate(http: Http, org: SignedUpOrg, opts: { name?: string; reference?: string; type?: 'recurrent' | 'oneOff'; signedOn: string; preNotificationDays?: number }): Promise<Debtor> {
  const customer = await createCustomer(http, org.auth, opts.name ?? 'Boulangerie Martin');
  await http().patch(`/api/v1/accounts/${customer.id}`).set(org.auth).send({ email: `compta-${customer.id.slice(-6)}@example.test` }).expect(200);
  const bank = await http().post('/api/v1/bank-accounts').set(org.auth).send({ accountId: customer.id, iban: DEBTOR_IBAN, bic: DEBTOR_BIC, holder: opts.name ?? 'Boulangerie Martin' }).expect(201);
  const mandate = await http()
    .post('/api/v1/mandates')
    .set(org.auth)
    .send({ accountId: customer.id, bankAccountId: bank.body.id, reference: opts.reference ?? `RUM-${customer.id.slice(-8)}`, signedOn: opts.signedOn, signaturePlace: 'Lyon', type: opts.type ?? 'recurrent', scheme: 'CORE', ...(opts.preNotificationDays ? { preNotificationDays: opts.preNotificationDays } : {}) })
    .expect(201);
  return { customerId: customer.id, bankAccountId: bank.body.id, mandateId: mandate.body.id };
}

/** A validated invoice of `amount` net at 20 %. */
export async function validatedInvoice(http: Http, org: SignedUpOrg, accountId: string, amount = '100.00'): Promise<{ id: string; number: string; gross: string }> {
  const draft = await draftInvoice(http, org.auth, accountId, { amount });
  const res = await http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200);
  return { id: draft.id, number: res.body.number, gross: res.body.totals.gross };
}
