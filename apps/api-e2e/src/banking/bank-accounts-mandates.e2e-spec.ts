import { addDaysTo, createCustomer, parisToday } from '../billing/billing-fixtures';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { CREDITOR_BIC, CREDITOR_IBAN, DEBTOR_BIC, DEBTOR_IBAN, OTHER_BANK_IBAN } from './banking-fixtures';

/**
 * Bank accounts and SEPA mandates through the API: IBAN/BIC checks that name the field, the company's
 * default account, the ICS on the company, mandates with unique references, amendments recorded for
 * the next collection, revocation, and another tenant's ids answered 404.
 */
describe('Bank accounts, creditor id and SEPA mandates', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let today: string;
  const api = () => t.http();

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(api(), 'Banque');
    today = parisToday();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('stores an IBAN in electronic format and makes the first company account the default one', async () => {
    const res = await api().post('/api/v1/bank-accounts').set(org.auth).send({ iban: 'fr76 3000 6000 0112 3456 7890 189', bic: 'agrifrpp', holder: 'Banque SAS' }).expect(201);
    expect(res.body).toMatchObject({ accountId: null, iban: CREDITOR_IBAN, bic: CREDITOR_BIC, isDefault: true });
    const second = await api().post('/api/v1/bank-accounts').set(org.auth).send({ iban: 'BE68539007547034', holder: 'Banque SAS', isDefault: true }).expect(201);
    const list = await api().get('/api/v1/bank-accounts').set(org.auth).expect(200);
    expect(list.body.data.map((b: { id: string; isDefault: boolean }) => [b.id, b.isDefault])).toEqual([
      [second.body.id, true],
      [res.body.id, false],
    ]);
  });

  it.each([
    [{ iban: 'FR1520041010050500013M02606', holder: 'X' }, 'iban', /check digits/],
    [{ iban: 'DE8937040044053201300', holder: 'X' }, 'iban', /length/],
    [{ iban: 'XX1420041010050500013M02606', holder: 'X' }, 'iban', /country/],
    [{ iban: DEBTOR_IBAN, bic: 'DEUTDEFF', holder: 'X' }, 'bic', /does not match the IBAN country FR/],
    [{ iban: DEBTOR_IBAN, bic: 'BNPA FRPP', holder: 'X' }, 'bic', /8 or 11 characters/],
  ])('refuses %j with a 400 on %s and writes nothing', async (body, path, message) => {
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM bank_accounts`);
    const res = await api().post('/api/v1/bank-accounts').set(org.auth).send(body).expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ path, message: expect.stringMatching(message) }] });
    expect(await t.sql(`SELECT count(*)::int AS n FROM bank_accounts`)).toEqual(before);
  });

  it('keeps the SEPA creditor id on the company, normalised and check-digit verified', async () => {
    const ok = await api().patch(`/api/v1/companies/${org.companyId}`).set(org.auth).send({ sepaCreditorId: 'fr72 zzz 123456' }).expect(200);
    expect(ok.body.sepaCreditorId).toBe('FR72ZZZ123456');
    const bad = await api().patch(`/api/v1/companies/${org.companyId}`).set(org.auth).send({ sepaCreditorId: 'FR73ZZZ123456' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'sepaCreditorId' })]);
    expect((await api().get(`/api/v1/companies/${org.companyId}`).set(org.auth).expect(200)).body.sepaCreditorId).toBe('FR72ZZZ123456');
  });

  it('records mandates with a unique reference per creditor and derives FRST for the first collection', async () => {
    const customer = await createCustomer(api, org.auth, 'Client Mandat');
    const bank = await api().post('/api/v1/bank-accounts').set(org.auth).send({ accountId: customer.id, iban: DEBTOR_IBAN, bic: DEBTOR_BIC, holder: 'Client Mandat' }).expect(201);
    expect(bank.body.isDefault).toBe(false);
    const body = { accountId: customer.id, bankAccountId: bank.body.id, reference: 'RUM-2026/0001', signedOn: today, signaturePlace: 'Lyon', type: 'recurrent', scheme: 'CORE' };
    const created = await api().post('/api/v1/mandates').set(org.auth).send(body).expect(201);
    expect(created.body).toMatchObject({ status: 'active', iban: DEBTOR_IBAN, nextSequenceType: 'FRST', preNotificationDays: 14, collectionCount: 0, pendingAmendment: null });
    expect(created.body.lapsesOn > addDaysTo(today, 365 * 3 - 2)).toBe(true);

    const dup = await api().post('/api/v1/mandates').set(org.auth).send(body).expect(409);
    expect(dup.body.errors).toEqual([expect.objectContaining({ path: 'reference' })]);
    const badRef = await api().post('/api/v1/mandates').set(org.auth).send({ ...body, reference: 'RUM_é' }).expect(400);
    expect(badRef.body.errors).toEqual([expect.objectContaining({ path: 'reference' })]);
    const future = await api().post('/api/v1/mandates').set(org.auth).send({ ...body, reference: 'RUM-FUTURE', signedOn: addDaysTo(today, 3) }).expect(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ path: 'signedOn' })]);
    const companyAccount = (await api().get('/api/v1/bank-accounts').set(org.auth).expect(200)).body.data[0].id;
    const notTheirs = await api().post('/api/v1/mandates').set(org.auth).send({ ...body, reference: 'RUM-X', bankAccountId: companyAccount }).expect(400);
    expect(notTheirs.body.errors).toEqual([expect.objectContaining({ path: 'bankAccountId' })]);

    const listed = await api().get(`/api/v1/mandates?accountId=${customer.id}`).set(org.auth).expect(200);
    expect(listed.body.data.map((m: { id: string }) => m.id)).toEqual([created.body.id]);
  });

  it('records an amendment once the mandate was used, and refuses editing the IBAN of a mandated account', async () => {
    const customer = await createCustomer(api, org.auth, 'Client Amende');
    const first = await api().post('/api/v1/bank-accounts').set(org.auth).send({ accountId: customer.id, iban: DEBTOR_IBAN, holder: 'Client Amende' }).expect(201);
    const other = await api().post('/api/v1/bank-accounts').set(org.auth).send({ accountId: customer.id, iban: OTHER_BANK_IBAN, holder: 'Client Amende' }).expect(201);
    const mandate = await api().post('/api/v1/mandates').set(org.auth).send({ accountId: customer.id, bankAccountId: first.body.id, reference: 'RUM-AMEND-1', signedOn: today, signaturePlace: 'Lyon', type: 'recurrent', scheme: 'CORE' }).expect(201);

    // Before any collection the first debit carries the new data: nothing to amend.
    const early = await api().patch(`/api/v1/mandates/${mandate.body.id}`).set(org.auth).send({ reference: 'RUM-AMEND-2' }).expect(200);
    expect(early.body).toMatchObject({ reference: 'RUM-AMEND-2', pendingAmendment: null, nextSequenceType: 'FRST' });

    await t.sql(`UPDATE mandates SET collection_count = 3, last_collection_on = $2 WHERE id = $1`, [mandate.body.id, today]);
    const amended = await api().patch(`/api/v1/mandates/${mandate.body.id}`).set(org.auth).send({ bankAccountId: other.body.id, reference: 'RUM-AMEND-3' }).expect(200);
    expect(amended.body).toMatchObject({ iban: OTHER_BANK_IBAN, reference: 'RUM-AMEND-3', pendingAmendment: { originalReference: 'RUM-AMEND-2', originalIban: DEBTOR_IBAN, otherBank: true }, nextSequenceType: 'FRST' });

    const editIban = await api().patch(`/api/v1/bank-accounts/${other.body.id}`).set(org.auth).send({ iban: 'BE68539007547034' }).expect(409);
    expect(editIban.body).toMatchObject({ code: 'bank_account_in_use', errors: [{ path: 'iban' }] });

    const revoked = await api().post(`/api/v1/mandates/${mandate.body.id}/revoke`).set(org.auth).send({}).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedOn: today });
    await api().patch(`/api/v1/mandates/${mandate.body.id}`).set(org.auth).send({ reference: 'RUM-AMEND-4' }).expect(409);
    await api().post(`/api/v1/mandates/${mandate.body.id}/revoke`).set(org.auth).send({}).expect(409);
  });

  it('reads a mandate unused for 36 months as lapsed', async () => {
    const customer = await createCustomer(api, org.auth, 'Client Ancien');
    const bank = await api().post('/api/v1/bank-accounts').set(org.auth).send({ accountId: customer.id, iban: DEBTOR_IBAN, holder: 'Client Ancien' }).expect(201);
    const old = addDaysTo(today, -(365 * 3 + 2));
    const res = await api().post('/api/v1/mandates').set(org.auth).send({ accountId: customer.id, bankAccountId: bank.body.id, reference: 'RUM-OLD', signedOn: old, signaturePlace: 'Lyon', type: 'recurrent', scheme: 'B2B' }).expect(201);
    expect(res.body.status).toBe('lapsed');
  });

  it("answers 404 for another tenant's bank accounts and mandates, and archives an account on delete", async () => {
    const other = await signupOrganization(api(), 'Autre');
    const mine = (await api().get('/api/v1/bank-accounts').set(org.auth).expect(200)).body.data[0].id;
    const mandate = (await api().get('/api/v1/mandates').set(org.auth).expect(200)).body.data[0].id;
    await api().get(`/api/v1/bank-accounts/${mine}`).set(other.auth).expect(404);
    await api().patch(`/api/v1/bank-accounts/${mine}`).set(other.auth).send({ label: 'x' }).expect(404);
    await api().get(`/api/v1/mandates/${mandate}`).set(other.auth).expect(404);
    await api().post(`/api/v1/mandates/${mandate}/revoke`).set(other.auth).send({}).expect(404);

    const spare = await api().post('/api/v1/bank-accounts').set(org.auth).send({ iban: 'LU280019400644750000', holder: 'Banque SAS' }).expect(201);
    await api().delete(`/api/v1/bank-accounts/${spare.body.id}`).set(org.auth).expect(204);
    await api().get(`/api/v1/bank-accounts/${spare.body.id}`).set(org.auth).expect(404);
  });
});
