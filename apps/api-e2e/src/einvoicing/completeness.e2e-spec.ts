import { seedEInvoicingDemo } from '@comptoir/einvoicing';
import { frenchVatNumber } from '@comptoir/platform/kernel';
import { createCustomer, createProduct, draftInvoice } from '../billing/billing-fixtures';
import { CREDITOR_BIC, CREDITOR_IBAN, CREDITOR_ID, DEBTOR_IBAN, debtorWithMandate } from '../banking/banking-fixtures';
import { randomSiren, signupOrganization, SignedUpOrg } from '../support/fixtures';
import { seededDemo } from '../support/demo-tenant';
import { createTestApp, TestApp } from '../support/test-app';

interface Section {
  inScope: boolean;
  flow: string;
  billingMode: string;
  seller: { electronicAddress: { value: string; scheme: string } | null; vatNumber: string | null };
  buyer: { electronicAddress: { value: string; scheme: string } | null };
  paymentMeans: { code: string; creditTransfer: { iban: string; bic: string | null } | null; directDebit: { mandateReference: string; creditorId: string; debitedIban: string | null } | null }[];
  notes: { PMD: string; PMT: string | null; AAB: string };
  precedingInvoices: { id: string; number: string; issueDate: string }[];
  warnings: { path: string }[];
}

const ADDRESS = { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' };

/**
 * E-invoicing completeness at validation: an enabled company's domestic B2B invoice lacking data is
 * refused (422 einvoice_incomplete naming each field, nothing written, no number taken); complete
 * ones freeze snapshot.einvoice; B2C and companies not enabled are never refused, only warned.
 */
describe('E-invoicing completeness: snapshot.einvoice frozen at validation, in-scope gaps refused', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let siren: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Facturation Electronique');
    siren = (await t.http().get(`/api/v1/companies/${org.companyId}`).set(org.auth).expect(200)).body.siren as string;
    await t.http().patch(`/api/v1/companies/${org.companyId}`).set(org.auth).send({ vatNumber: frenchVatNumber(siren), address: ADDRESS }).expect(200);
    await t.http().post('/api/v1/bank-accounts').set(org.auth).send({ iban: CREDITOR_IBAN, bic: CREDITOR_BIC, holder: 'Facturation Electronique SAS' }).expect(201);
    await t.http().put('/api/v1/einvoicing/settings').set(org.auth).send({ enabled: true }).expect(200);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, body: object = {}, auth = org.auth) => t.http().post(path).set(auth).send(body);
  const validate = (id: string, auth = org.auth) => post(`/api/v1/invoices/${id}/validate`, {}, auth);
  const section = async (id: string): Promise<Section> => {
    const [row] = await t.sql<{ snapshot: { einvoice: Section } }>(`SELECT snapshot FROM sales_documents WHERE id = $1`, [id]);
    return row!.snapshot.einvoice;
  };
  const sequence = (number: string) => Number(/(\d+)$/.exec(number)![1]);

  /** A business customer without SIREN: e-invoices cannot be routed to it. */
  async function customerWithoutSiren(name: string): Promise<string> {
    const res = await post('/api/v1/accounts', { name, roles: ['customer'], kind: 'company', billingAddress: { line1: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' } }).expect(201);
    return res.body.id as string;
  }

  it('refuses a B2B invoice without the buyer SIREN, writing nothing and taking no number; the next valid invoice takes the next number', async () => {
    const complete = await createCustomer(() => t.http(), org.auth, 'Boulangerie Complète');
    const first = await validate((await draftInvoice(() => t.http(), org.auth, complete.id)).id).expect(200);

    const incompleteCustomer = await customerWithoutSiren('Sans Siren SARL');
    const draft = await draftInvoice(() => t.http(), org.auth, incompleteCustomer);
    const refused = await validate(draft.id).expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('einvoice_incomplete');
    const paths = (refused.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['buyer.siren', 'buyer.electronicAddress']));
    const stored = (await t.http().get(`/api/v1/invoices/${draft.id}`).set(org.auth).expect(200)).body;
    expect(stored).toMatchObject({ status: 'draft', number: null });
    expect((await t.sql(`SELECT 1 FROM ledger_entries WHERE record_id = $1`, [draft.id])).length).toBe(0);

    await t.http().patch(`/api/v1/accounts/${incompleteCustomer}`).set(org.auth).send({ siren: randomSiren() }).expect(200);
    const second = await validate(draft.id).expect(200);
    expect(sequence(second.body.number)).toBe(sequence(first.body.number) + 1);
  });

  it('freezes the section of a complete services invoice: in scope, S1, addresses from the SIRENs or as set, transfer to the company IBAN, the French notes', async () => {
    const buyerSiren = randomSiren();
    const account = await post('/api/v1/accounts', {
      name: 'Routage Explicite SAS',
      roles: ['customer'],
      kind: 'company',
      siren: buyerSiren,
      electronicAddress: `${buyerSiren}_FACTURES`,
      electronicAddressScheme: '0225',
      billingAddress: ADDRESS,
    }).expect(201);
    expect(account.body).toMatchObject({ electronicAddress: `${buyerSiren}_FACTURES`, electronicAddressScheme: '0225' });
    const draft = await post('/api/v1/invoices', { accountId: account.body.id, paymentMethod: 'transfer', lines: [{ description: 'Audit', quantity: '1', unitPrice: '500.00', vatRate: '20.00' }] }).expect(201);
    await validate(draft.body.id).expect(200);
    expect(await section(draft.body.id)).toMatchObject({
      version: 1,
      inScope: true,
      flow: 'B2B',
      billingMode: 'S1',
      profile: 'EN16931',
      seller: { electronicAddress: { value: siren, scheme: '0225' }, vatNumber: frenchVatNumber(siren), country: 'FR' },
      buyer: { electronicAddress: { value: `${buyerSiren}_FACTURES`, scheme: '0225' }, country: 'FR' },
      paymentMeans: [{ code: '58', creditTransfer: { iban: CREDITOR_IBAN, bic: CREDITOR_BIC } }],
      notes: { PMT: 'Indemnité forfaitaire pour frais de recouvrement : 40 €', AAB: "Pas d'escompte pour paiement anticipé" },
      precedingInvoices: [],
      warnings: [],
    });
  });

  it("keeps a customer's electronic address valid for its scheme, and clears it with null (back to the SIREN)", async () => {
    const customer = await createCustomer(() => t.http(), org.auth, 'Routage Valide');
    const patch = (body: object) => t.http().patch(`/api/v1/accounts/${customer.id}`).set(org.auth).send(body);
    for (const [body, field] of [
      [{ electronicAddress: 'avec espace' }, 'electronicAddress'],
      [{ electronicAddress: 'x'.repeat(126) }, 'electronicAddress'],
      [{ electronicAddress: 'compta@example.test', electronicAddressScheme: '0225' }, 'electronicAddress'],
      [{ electronicAddressScheme: 'XX' }, 'electronicAddressScheme'],
    ] as const) {
      const res = await patch(body).expect(400);
      expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(field);
    }
    expect((await patch({ electronicAddress: 'compta@example.test', electronicAddressScheme: 'EM' }).expect(200)).body).toMatchObject({ electronicAddress: 'compta@example.test', electronicAddressScheme: 'EM' });
    expect((await patch({ electronicAddress: null, electronicAddressScheme: null }).expect(200)).body).toMatchObject({ electronicAddress: null, electronicAddressScheme: null });
  });

  it('bills the deposit invoice of a goods order in B1 and its final invoice in B4 listing the deposit as preceding; a credit note lists its invoice', async () => {
    const customer = await createCustomer(() => t.http(), org.auth, 'Quincaillerie Dupont');
    const productId = await createProduct(() => t.http(), org.auth, { reference: 'VIS-100', name: 'Vis inox', unit: 'piece', unitPrice: '50.00', vatRate: '20.00', type: 'goods' });
    const order = await post('/api/v1/orders', { accountId: customer.id, lines: [{ productId, quantity: '10' }] }).expect(201);
    await post(`/api/v1/orders/${order.body.id}/validate`).expect(200);
    const deposit = (await post(`/api/v1/orders/${order.body.id}/deposit-invoices`, { percent: '30' }).expect(201)).body;
    expect(await section(deposit.id)).toMatchObject({ inScope: true, flow: 'B2B', billingMode: 'B1', precedingInvoices: [] });

    const final = (await post(`/api/v1/orders/${order.body.id}/convert`, { to: 'invoice' }).expect(201)).body;
    const validated = (await validate(final.id).expect(200)).body;
    expect(await section(final.id)).toMatchObject({ billingMode: 'B4', precedingInvoices: [{ id: deposit.id, number: deposit.number, issueDate: deposit.date }] });

    const credit = (await post(`/api/v1/invoices/${final.id}/credit-note`).expect(201)).body;
    await validate(credit.id).expect(200);
    expect(await section(credit.id)).toMatchObject({ inScope: true, precedingInvoices: [{ id: final.id, number: validated.number, issueDate: validated.date }] });
  });

  it('collects a direct-debit invoice under the buyer mandate and the company ICS, and refuses one without a mandate', async () => {
    const withoutMandate = await createCustomer(() => t.http(), org.auth, 'Sans Mandat');
    const debit = (accountId: string) => post('/api/v1/invoices', { accountId, paymentMethod: 'direct_debit', lines: [{ description: 'Abonnement', quantity: '1', unitPrice: '30.00', vatRate: '20.00' }] }).expect(201);
    const refused = await validate((await debit(withoutMandate.id)).body.id).expect(422);
    expect((refused.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['paymentMeans.mandateReference', 'paymentMeans.creditorId']);

    await t.http().patch(`/api/v1/companies/${org.companyId}`).set(org.auth).send({ sepaCreditorId: CREDITOR_ID }).expect(200);
    const debtor = await debtorWithMandate(() => t.http(), org, { reference: 'RUM-EINVOICE-1', signedOn: '2026-01-05' });
    const draft = await debit(debtor.customerId);
    await validate(draft.body.id).expect(200);
    expect((await section(draft.body.id)).paymentMeans).toEqual([
      { code: '59', text: 'Prélèvement SEPA', remittance: expect.any(String) as string, creditTransfer: null, directDebit: { mandateReference: 'RUM-EINVOICE-1', creditorId: CREDITOR_ID, debitedIban: DEBTOR_IBAN } },
    ]);
  });

  it('validates a B2C invoice lacking data, keeping what is missing as warnings', async () => {
    const person = await post('/api/v1/accounts', { name: 'Jeanne Martin', roles: ['customer'], kind: 'person' }).expect(201);
    const draft = await draftInvoice(() => t.http(), org.auth, person.body.id);
    await validate(draft.id).expect(200);
    const frozen = await section(draft.id);
    expect(frozen).toMatchObject({ inScope: false, flow: 'B2C', buyer: { electronicAddress: null }, notes: { PMT: null } });
    expect(frozen.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['buyer.address.line1', 'buyer.address.city']));
    expect(frozen.warnings.map((w) => w.path)).not.toContain('buyer.siren');
  });

  it('names each incomplete draft of a batch by its id, and validates none of them', async () => {
    const good = await draftInvoice(() => t.http(), org.auth, (await createCustomer(() => t.http(), org.auth, 'Lot Complet')).id);
    const bad = await draftInvoice(() => t.http(), org.auth, await customerWithoutSiren('Lot Incomplet'));
    const res = await post('/api/v1/invoices/validate-batch', { ids: [good.id, bad.id] }).expect(422);
    expect(res.body.code).toBe('einvoice_incomplete');
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toContain(`invoices[${bad.id}].buyer.siren`);
    expect(paths.some((p) => p.startsWith(`invoices[${good.id}]`))).toBe(false);
    const rows = await t.sql<{ status: string; number: string | null }>(`SELECT status, number FROM sales_documents WHERE id = ANY($1::uuid[])`, [[good.id, bad.id]]);
    expect(rows).toEqual([
      { status: 'draft', number: null },
      { status: 'draft', number: null },
    ]);
  });

  it('never refuses the invoices of a company that did not enable e-invoicing, and says what would be missing', async () => {
    const other = await signupOrganization(t.http(), 'Pas Encore');
    const res = await t.http().post('/api/v1/accounts').set(other.auth).send({ name: 'Client Sans Siren', roles: ['customer'], kind: 'company' }).expect(201);
    const draft = await draftInvoice(() => t.http(), other.auth, res.body.id);
    await validate(draft.id, other.auth).expect(200);
    const frozen = await section(draft.id);
    expect(frozen).toMatchObject({ inScope: false, flow: 'B2B' });
    expect(frozen.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['buyer.siren', 'buyer.electronicAddress', 'seller.address.line1']));
  });

  it('seeds the e-invoicing demo once, after the billing demo: company enabled, customers routed, one invoice in scope', async () => {
    const { org: demo, ctx } = await seededDemo(t, 'Demo facturation electronique');
    // The demo company has its address (apps/api/src/seed.ts); a signed-up one gets it here.
    await t.http().patch(`/api/v1/companies/${demo.companyId}`).set(demo.auth).send({ address: ADDRESS }).expect(200);
    const seeded = (await seedEInvoicingDemo(t.app, ctx))!;
    expect((await t.http().get('/api/v1/einvoicing/settings').set(demo.auth).expect(200)).body).toMatchObject({ enabled: true, electronicAddressScheme: '0225' });
    expect(seeded.routedCustomerIds).toHaveLength(2);
    for (const id of seeded.routedCustomerIds) {
      const account = (await t.http().get(`/api/v1/accounts/${id}`).set(demo.auth).expect(200)).body;
      expect(account).toMatchObject({ electronicAddress: account.siren, electronicAddressScheme: '0225' });
    }
    expect(await section(seeded.invoiceId!)).toMatchObject({ inScope: true, flow: 'B2B', billingMode: 'S1', warnings: [] });
    expect(await seedEInvoicingDemo(t.app, ctx)).toBeNull();
  });
});
