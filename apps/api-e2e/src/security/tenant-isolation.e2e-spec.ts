import { Client } from 'pg';
import { newId } from '@comptoir/platform/kernel';
import { createTestApp, TestApp } from '../support/test-app';
import { contractOperations, exampleOf, fillPath, Operation, resourceKey } from './contract';
import { createCompany, createKey, Credentials, marker, setupTenant, siretOf, TestTenant } from './tenants';

/**
 * Tenant isolation, driven by the contract: every operation that addresses a resource by id is called
 * by another organisation (session and `*` API key) on a resource of organisation A, and must answer
 * 404 without a trace of A's data and without changing it. A new endpoint with an id and no factory
 * here fails the suite, so it cannot slip through untested.
 */

interface Resource {
  /** Values of the operation's path parameters. */
  params: Record<string, string>;
  /** Strings of A that must never appear in another tenant's answer. */
  leaks: string[];
  /** Company-owned resources are also invisible from another company of the same organisation. */
  scope: 'organization' | 'company';
  /** A's view of the resource, compared before and after the foreign calls: nothing may change. */
  probe(): Promise<unknown>;
}

interface World {
  t: TestApp;
  a: TestTenant;
}

type Factory = (w: World) => Promise<Resource>;

const get = async (w: World, path: string, auth: Credentials = w.a.auth) => (await w.t.http().get(path).set({ ...auth }).expect(200)).body as Record<string, unknown>;
async function createAccount(w: World): Promise<{ id: string; leaks: string[] }> {
  const name = marker('A-account');
  const email = `${marker('a-mail').toLowerCase()}@alpha.test`;
  const externalRef = marker('ext');
  const res = await w.t.http().post('/api/v1/accounts').set(w.a.auth).send({ name, email, roles: ['customer'], externalRef }).expect(201);
  return { id: res.body.id as string, leaks: [res.body.id as string, name, email, externalRef] };
}

let vatRateCounter = 0;
async function createProduct(w: World): Promise<{ id: string; leaks: string[] }> {
  const reference = marker('A-ref');
  const name = marker('A-product');
  const res = await w.t.http().post('/api/v1/products').set(w.a.auth).send({ reference, name, unit: 'month', unitPrice: '12.3400', vatRate: '20.00' }).expect(201);
  return { id: res.body.id as string, leaks: [res.body.id as string, reference, name] };
}

/** A draft sales document of A with one line (drafts: their PDF is rendered, never stored, so the owner's GET changes nothing). */
async function salesDocument(w: World, path: 'quotes' | 'orders' | 'delivery-notes' | 'invoices'): Promise<Resource> {
  const account = await createAccount(w);
  const title = marker('A-document');
  const description = marker('A-line');
  const res = await w.t
    .http()
    .post(`/api/v1/${path}`)
    .set(w.a.auth)
    .send({ accountId: account.id, title, lines: [{ description, quantity: '2', unitPrice: '50.00', vatRate: '20.00' }] })
    .expect(201);
  const id = res.body.id as string;
  return {
    params: { id },
    leaks: [id, title, description, ...account.leaks],
    scope: 'company',
    probe: async () => ({ document: await get(w, `/api/v1/${path}/${id}`), map: await get(w, `/api/v1/documents/${id}/map`) }),
  };
}

/**
 * A validated invoice of A whose e-invoice originals are made (by A's first download): another tenant's
 * call must not make or reveal them, and the owner's own GET in the test then changes nothing.
 */
async function validatedEInvoice(w: World): Promise<Resource> {
  const invoice = await salesDocument(w, 'invoices');
  const id = invoice.params['id']!;
  await w.t.http().post(`/api/v1/invoices/${id}/validate`).set(w.a.auth).expect(200);
  await w.t.http().get(`/api/v1/invoices/${id}/einvoice?format=cii`).set(w.a.auth).expect(200);
  return { ...invoice, probe: async () => ({ document: await get(w, `/api/v1/invoices/${id}`), einvoice: await get(w, `/api/v1/invoices/${id}/einvoice/status`) }) };
}

const listEntry = async (w: World, path: string, id: string) =>
  ((await get(w, path)).data as { id: string }[]).find((row) => row.id === id) ?? null;

/** A validated invoice of A reminded once (as of a far date, so its first step is due): the run and its event. */
async function dunningRun(w: World): Promise<{ run: Resource; event: Resource }> {
  const invoice = await salesDocument(w, 'invoices');
  await w.t.http().post(`/api/v1/invoices/${invoice.params.id}/validate`).set(w.a.auth).expect(200);
  const res = await w.t.http().post('/api/v1/dunning/runs').set(w.a.auth).send({ invoiceIds: [invoice.params.id], asOf: '2099-12-31' }).expect(202);
  const runId = res.body.id as string;
  const eventId = res.body.planned[0].eventId as string;
  const leaks = [runId, eventId, ...invoice.leaks];
  return {
    run: { params: { id: runId }, leaks, scope: 'company', probe: () => get(w, `/api/v1/dunning/runs/${runId}`) },
    event: { params: { id: eventId }, leaks, scope: 'company', probe: () => get(w, `/api/v1/invoices/${invoice.params.id}/dunning`) },
  };
}

/** A's company ready to collect, a customer's mandate and a SEPA batch collecting one of its invoices. */
async function sepaBatch(w: World): Promise<{ bankAccount: Resource; mandate: Resource; batch: Resource }> {
  const http = () => w.t.http().set(w.a.auth);
  await http().patch(`/api/v1/companies/${w.a.companyId}`).send({ sepaCreditorId: 'FR72ZZZ123456' }).expect(200);
  await http().post('/api/v1/bank-accounts').send({ iban: 'FR7630006000011234567890189', holder: 'Alpha SAS', isDefault: true }).expect(201);
  const invoice = await salesDocument(w, 'invoices');
  const validated = await http().post(`/api/v1/invoices/${invoice.params.id}/validate`).expect(200);
  const holder = marker('A-holder');
  const bank = await http().post('/api/v1/bank-accounts').send({ accountId: validated.body.accountId, iban: 'FR1420041010050500013M02606', holder }).expect(201);
  const reference = marker('A-RUM');
  const mandate = await http().post('/api/v1/mandates').send({ accountId: validated.body.accountId, bankAccountId: bank.body.id, reference, signedOn: '2026-01-05', signaturePlace: 'Lyon', type: 'recurrent', scheme: 'CORE' }).expect(201);
  const collectionDate = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const batch = await http().post('/api/v1/sepa/batches').send({ invoiceIds: [invoice.params.id], collectionDate, format: 'pain.008.001.02' }).expect(201);
  const leaks = [bank.body.id as string, mandate.body.id as string, batch.body.id as string, holder, reference, batch.body.messageId as string, ...invoice.leaks];
  return {
    bankAccount: { params: { id: bank.body.id }, leaks, scope: 'company', probe: () => get(w, `/api/v1/bank-accounts/${bank.body.id}`) },
    mandate: { params: { id: mandate.body.id }, leaks, scope: 'company', probe: () => get(w, `/api/v1/mandates/${mandate.body.id}`) },
    batch: { params: { id: batch.body.id }, leaks, scope: 'company', probe: () => get(w, `/api/v1/sepa/batches/${batch.body.id}`) },
  };
}

/** One factory per resource path (`/api/v1/<things>/{id}`): it creates the resource in organisation A. */
const FACTORIES: Record<string, Factory> = {
  '/api/v1/accounts/{id}': async (w) => {
    const account = await createAccount(w);
    const id = account.id;
    return {
      params: { id },
      leaks: account.leaks,
      scope: 'company',
      // The account and what hangs under it (sub-resources are created through /accounts/{id}/...).
      probe: async () => ({
        account: await get(w, `/api/v1/accounts/${id}`),
        contacts: (await get(w, `/api/v1/accounts/${id}/contacts`)).data,
        activities: (await get(w, `/api/v1/accounts/${id}/activities`)).data,
        priceList: await get(w, `/api/v1/accounts/${id}/price-list`),
      }),
    };
  },
  '/api/v1/contacts/{id}': async (w) => {
    const account = await createAccount(w);
    const lastName = marker('A-contact');
    const email = `${marker('a-contact').toLowerCase()}@alpha.test`;
    const res = await w.t.http().post(`/api/v1/accounts/${account.id}/contacts`).set(w.a.auth).send({ lastName, firstName: 'Alice', email }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, lastName, email, ...account.leaks], scope: 'company', probe: () => get(w, `/api/v1/contacts/${id}`) };
  },
  '/api/v1/activities/{id}': async (w) => {
    const account = await createAccount(w);
    const title = marker('A-task');
    const res = await w.t
      .http()
      .post('/api/v1/activities')
      .set(w.a.auth)
      .send({ kind: 'task', type: 'call', title, dueOn: '2026-11-30', accountId: account.id, notes: marker('A-notes') })
      .expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, title, res.body.notes, ...account.leaks], scope: 'company', probe: () => get(w, `/api/v1/activities/${id}`) };
  },
  '/api/v1/companies/{id}': async (w) => {
    const company = await createCompany(() => w.t.http(), w.a.auth, 'A-company');
    return { params: { id: company.id }, leaks: [company.id, company.legalName, company.siren], scope: 'organization', probe: () => get(w, `/api/v1/companies/${company.id}`) };
  },
  '/api/v1/establishments/{id}': async (w) => {
    const name = marker('A-establishment');
    const siret = siretOf(w.a.companySiren);
    const res = await w.t.http().post('/api/v1/establishments').set(w.a.auth).send({ name, siret }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, name, siret], scope: 'company', probe: () => get(w, `/api/v1/establishments/${id}`) };
  },
  '/api/v1/sectors/{id}': async (w) => {
    const establishments = (await get(w, '/api/v1/establishments')).data as { id: string }[];
    const name = marker('A-sector');
    const code = marker('S').slice(0, 20);
    const res = await w.t.http().post('/api/v1/sectors').set(w.a.auth).send({ name, code, establishmentId: establishments[0]!.id }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, name, code], scope: 'company', probe: () => get(w, `/api/v1/sectors/${id}`) };
  },
  '/api/v1/api-keys/{id}': async (w) => {
    const name = marker('A-key');
    const key = await createKey(() => w.t.http(), w.a.auth, ['crm:read'], name);
    return {
      params: { id: key.id },
      leaks: [key.id, key.publicId, key.secret, name],
      scope: 'company',
      probe: async () => {
        const row = (await listEntry(w, '/api/v1/api-keys', key.id)) as { name: string; scopes: string[]; revokedAt: string | null } | null;
        return row && { name: row.name, scopes: row.scopes, revokedAt: row.revokedAt };
      },
    };
  },
  '/api/v1/users/{id}': async (w) => ({
    params: { id: w.a.userId },
    leaks: [w.a.userId, w.a.email, `${w.a.name} Admin`],
    scope: 'organization',
    probe: () => listEntry(w, '/api/v1/users', w.a.userId),
  }),
  '/api/v1/invitations/{id}': async (w) => {
    const email = `${marker('a-invite').toLowerCase()}@alpha.test`;
    const res = await w.t.http().post('/api/v1/invitations').set(w.a.auth).send({ email, role: 'sales' }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, email], scope: 'company', probe: () => listEntry(w, '/api/v1/invitations', id) };
  },
  '/api/v1/vat-rates/{id}': async (w) => {
    const label = marker('A-vat');
    // A distinct rate per call: the (country, rate, category) triple is unique in a company.
    const rate = (1 + (vatRateCounter++ % 9_000) / 100).toFixed(2);
    const res = await w.t.http().post('/api/v1/vat-rates').set(w.a.auth).send({ country: 'DE', rate, label }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, label], scope: 'company', probe: () => get(w, `/api/v1/vat-rates/${id}`) };
  },
  '/api/v1/products/{id}': async (w) => {
    const product = await createProduct(w);
    const id = product.id;
    return {
      params: { id },
      leaks: product.leaks,
      scope: 'company',
      probe: async () => ({ product: await get(w, `/api/v1/products/${id}`), price: await get(w, `/api/v1/products/${id}/price`) }),
    };
  },
  '/api/v1/price-lists/{id}': async (w) => {
    const product = await createProduct(w);
    const name = marker('A-price-list');
    const res = await w.t.http().post('/api/v1/price-lists').set(w.a.auth).send({ name, items: [{ productId: product.id, unitPrice: '9.99' }] }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, name, ...product.leaks], scope: 'company', probe: () => get(w, `/api/v1/price-lists/${id}`) };
  },
  '/api/v1/customer-prices/{id}': async (w) => {
    const account = await createAccount(w);
    const product = await createProduct(w);
    const res = await w.t.http().post('/api/v1/customer-prices').set(w.a.auth).send({ accountId: account.id, productId: product.id, unitPrice: '7.7700' }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, ...account.leaks, ...product.leaks], scope: 'company', probe: () => get(w, `/api/v1/customer-prices/${id}`) };
  },
  '/api/v1/quotes/{id}': (w) => salesDocument(w, 'quotes'),
  '/api/v1/orders/{id}': (w) => salesDocument(w, 'orders'),
  '/api/v1/delivery-notes/{id}': (w) => salesDocument(w, 'delivery-notes'),
  '/api/v1/invoices/{id}': (w) => salesDocument(w, 'invoices'),
  '/api/v1/documents/{id}': (w) => salesDocument(w, 'quotes'),
  '/api/v1/invoices/{id}/einvoice': (w) => validatedEInvoice(w),
  '/api/v1/invoices/{id}/einvoice/status': (w) => validatedEInvoice(w),
  '/api/v1/dunning/runs/{id}': async (w) => (await dunningRun(w)).run,
  '/api/v1/dunning/events/{id}': async (w) => (await dunningRun(w)).event,
  '/api/v1/payments/{id}': async (w) => {
    const account = await createAccount(w);
    const reference = marker('A-payment');
    const res = await w.t.http().post('/api/v1/payments').set(w.a.auth).send({ accountId: account.id, date: '2026-01-05', method: 'cheque', amount: '42.00', reference }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, reference, ...account.leaks], scope: 'company', probe: () => get(w, `/api/v1/payments/${id}`) };
  },
  '/api/v1/credit-notes/{id}': async (w) => {
    // A validated credit note with credit left (its invoice was paid before it was credited).
    const invoice = await salesDocument(w, 'invoices');
    const validated = await w.t.http().post(`/api/v1/invoices/${invoice.params.id}/validate`).set(w.a.auth).expect(200);
    await w.t.http().post('/api/v1/payments').set(w.a.auth).send({ accountId: validated.body.accountId, date: validated.body.date, method: 'cash', amount: validated.body.totals.due, allocations: [{ invoiceId: validated.body.id, amount: validated.body.totals.due }] }).expect(201);
    const draft = await w.t.http().post(`/api/v1/invoices/${invoice.params.id}/credit-note`).set(w.a.auth).send({}).expect(201);
    const id = draft.body.id as string;
    await w.t.http().post(`/api/v1/invoices/${id}/validate`).set(w.a.auth).expect(200);
    return { params: { id }, leaks: [id, ...invoice.leaks], scope: 'company', probe: () => get(w, `/api/v1/invoices/${id}`) };
  },
  '/api/v1/bank-accounts/{id}': async (w) => (await sepaBatch(w)).bankAccount,
  '/api/v1/mandates/{id}': async (w) => (await sepaBatch(w)).mandate,
  '/api/v1/sepa/batches/{id}': async (w) => (await sepaBatch(w)).batch,
  '/api/v1/numbering/sequences/{id}': async (w) => {
    // An establishment's own series (the company series exist by default); one per new establishment.
    const establishment = await w.t.http().post('/api/v1/establishments').set(w.a.auth).send({ name: marker('A-branch'), siret: siretOf(w.a.companySiren) }).expect(201);
    const pattern = `${marker('A').replace('-', '')}{yyyy}-`;
    const res = await w.t.http().post('/api/v1/numbering/sequences').set(w.a.auth).send({ documentType: 'invoice', establishmentId: establishment.body.id, pattern }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id, pattern, establishment.body.id], scope: 'company', probe: () => get(w, `/api/v1/numbering/sequences/${id}`) };
  },
  '/api/v1/closings/{id}': async (w) => {
    // Months close in sequence: each call closes the month after A's latest (from January 2020).
    const [latest] = (await get(w, '/api/v1/closings?kind=month&limit=1')).data as { period: string }[];
    const [year, month] = (latest?.period ?? '2019-12').split('-').map(Number) as [number, number];
    const period = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    const res = await w.t.http().post('/api/v1/closings').set(w.a.auth).send({ period, kind: 'month' }).expect(201);
    const id = res.body.id as string;
    return { params: { id }, leaks: [id], scope: 'company', probe: () => get(w, `/api/v1/closings/${id}`) };
  },
  '/api/v1/admin/queue/failed/{jobId}': async (w) => {
    // A delivery that exhausted its retries (in-process driver: the outbox row itself).
    const id = newId();
    await w.t.sql(
      `INSERT INTO outbox_events (id, organization_id, company_id, name, aggregate_type, aggregate_id, payload, occurred_at, attempts, last_error, failed_at)
       VALUES ($1, $2, $3, 'crm.account.created', 'account', $4, '{}', now(), 10, 'simulated failure', now())`,
      [id, w.a.organizationId, w.a.companyId, newId()],
    );
    return {
      params: { jobId: id },
      leaks: [id, 'simulated failure'],
      scope: 'organization',
      probe: async () => {
        const row = (await listEntry(w, '/api/v1/admin/queue/failed', id)) as { attempts: number; failedAt: string | null } | null;
        return row && { attempts: row.attempts, failedAt: row.failedAt };
      },
    };
  },
};

/** An operation's factory: one of its own path (a sub-resource with a state of its own), else its resource's. */
const factoryOf = (op: Operation): Factory | undefined => FACTORIES[op.path] ?? FACTORIES[resourceKey(op.path)];
/** The operation's required query parameters, set to their contract examples (`?format=facturx`). */
function withRequiredQuery(op: Operation, path: string): string {
  const required = op.queryParams.filter((p) => p.required);
  return required.length ? `${path}?${new URLSearchParams(required.map((p) => [p.name, String(exampleOf(p.schema ?? {}))])).toString()}` : path;
}
const label = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;
const operations = contractOperations();
/**
 * Operations called without tenant credentials that prove who sends them by a signature over the body
 * instead: another tenant gets 400 (the signature does not verify), not 404. Each names the suite that
 * proves its isolation; any other operation with a path parameter needs a factory.
 */
const SIGNATURE_AUTHENTICATED: Record<string, string> = {
  '/api/v1/stripe/webhooks/{companyId}': "the company's Stripe signing secret (apps/api-e2e/src/stripe/stripe-collection.e2e-spec.ts)",
  '/api/v1/einvoicing/platforms/{platform}/callbacks': "the company's platform callback secret, the company found from the flows named (apps/api-e2e/src/einvoicing/platform.e2e-spec.ts)",
};
const byId = operations.filter((op) => op.pathParams.length > 0 && !SIGNATURE_AUTHENTICATED[op.path]);
const lists = operations.filter((op) => op.method === 'get' && op.pathParams.length === 0 && !op.isPublic);

/** Body fields that point at another record, and the resource each one names. */
const REFERENCES: Record<string, string> = {
  accountId: '/api/v1/accounts/{id}',
  contactId: '/api/v1/contacts/{id}',
  sectorId: '/api/v1/sectors/{id}',
  establishmentId: '/api/v1/establishments/{id}',
  userId: '/api/v1/users/{id}',
  assignedUserId: '/api/v1/users/{id}',
  productId: '/api/v1/products/{id}',
  priceListId: '/api/v1/price-lists/{id}',
  vatRateId: '/api/v1/vat-rates/{id}',
  bankAccountId: '/api/v1/bank-accounts/{id}',
  invoiceId: '/api/v1/invoices/{id}',
};
const referenceFields = (op: Operation) =>
  Object.entries(op.body?.properties ?? {})
    .filter(([, schema]) => schema.format === 'uuid')
    .map(([name]) => name);
const writesWithReferences = operations.filter((op) => !op.isPublic && referenceFields(op).length > 0);

function send(t: TestApp, op: Operation, path: string, auth: Credentials, body: unknown) {
  const req = t.http()[op.method](path).set({ ...auth });
  return body === undefined ? req : req.send(body as object);
}

function expectNoLeak(text: string, leaks: string[], context: string): void {
  const found = leaks.filter((leak) => leak && text.includes(leak));
  if (found.length) throw new Error(`${context} reveals data of organisation A: ${found.join(', ')}\n${text}`);
}

describe('Tenant isolation (driven by openapi.json)', () => {
  let t: TestApp;
  let a: TestTenant;
  let b: TestTenant;
  let aSecondCompany: { id: string; legalName: string };
  let aSecondKey: Credentials;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    a = await setupTenant(() => t.http(), 'Alpha');
    b = await setupTenant(() => t.http(), 'Bravo');
    aSecondCompany = await createCompany(() => t.http(), a.auth, 'A-second');
    aSecondKey = (await createKey(() => t.http(), { ...a.auth, 'Comptoir-Company': aSecondCompany.id }, ['*'])).auth;
    world = { t, a };
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const aLeaks = () => [a.organizationId, a.companyId, a.name, a.email, a.userId, a.key.id, a.key.publicId];

  it('has a resource factory for every operation of the contract that takes a path parameter', () => {
    expect(byId.length).toBeGreaterThan(0);
    const missing = byId.filter((op) => !factoryOf(op)).map(label);
    expect(missing).toEqual([]);
  });

  it.each(byId.map((op) => [label(op), op] as const))('%s answers 404 to another organisation, reveals nothing and changes nothing', async (_name, op) => {
    const factory = factoryOf(op);
    if (!factory) throw new Error(`No resource factory for ${label(op)}: add one to FACTORIES`);
    const resource = await factory(world);
    for (const p of op.pathParams) if (!resource.params[p.name]) throw new Error(`The factory for ${resourceKey(op.path)} gives no value for {${p.name}}`);
    const path = withRequiredQuery(op, fillPath(op.path, resource.params));
    const body = op.body ? exampleOf(op.body) : undefined;
    const leaks = [...resource.leaks, ...aLeaks()];
    const before = await resource.probe();
    expect(before).not.toBeNull();

    if (op.method === 'get') await send(t, op, path, a.auth, body).expect(200); // the resource exists for its owner

    const strangers: [string, Credentials][] = [
      ['session of organisation B', b.auth],
      ['API key (*) of organisation B', b.key.auth],
    ];
    if (resource.scope === 'company') {
      strangers.push(['A admin acting on another company of A', { ...a.auth, 'Comptoir-Company': aSecondCompany.id }], ['API key of another company of A', aSecondKey]);
    }
    for (const [who, auth] of strangers) {
      const res = await send(t, op, path, auth, body);
      expect({ who, status: res.status, code: res.body?.code }).toEqual({ who, status: 404, code: 'not_found' });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expectNoLeak(`${JSON.stringify(res.headers)}\n${res.text}`, resource.scope === 'company' && who.includes('of A') ? resource.leaks : leaks, `${label(op)} for ${who}`);
    }
    expect(await resource.probe()).toEqual(before);
  }, 30_000);

  it('lists never return rows of another organisation (every list of the contract, session and API key)', async () => {
    const resources = await Promise.all(Object.values(FACTORIES).map((factory) => factory(world)));
    const leaks = [...resources.flatMap((r) => r.leaks), ...aLeaks()];
    const aIds = resources.flatMap((r) => Object.values(r.params));
    expect(lists.length).toBeGreaterThan(0);
    for (const op of lists) {
      for (const query of queryCombinations(op, aIds)) {
        await t.http().get(op.path).query(query).set(a.auth).expect(200); // A's own view works with the same query
        for (const [who, auth] of [['session', b.auth], ['API key', b.key.auth]] as const) {
          const res = await t.http().get(op.path).query(query).set({ ...auth });
          expect({ op: label(op), query, who, status: res.status }).toEqual({ op: label(op), query, who, status: 200 });
          // A binary body (the aged receivables as XLSX) is not text to scan; the same report as CSV is.
          expectNoLeak(res.text ?? '', leaks, `${label(op)} ${JSON.stringify(query)} as B's ${who}`);
        }
      }
    }
    // Positive control: A's rows are there for A.
    const accounts = await t.http().get('/api/v1/accounts').set(a.auth).expect(200);
    expect(accounts.body.data.length).toBeGreaterThan(0);
    const bAccounts = await t.http().get('/api/v1/accounts').set(b.auth).expect(200);
    expect(bAccounts.body.data).toEqual([]);
  }, 120_000);

  it.each(writesWithReferences.map((op) => [label(op), op] as const))(
    '%s refuses references to records of another organisation in its body',
    async (_name, op) => {
      const own = factoryOf(op);
      const params = op.pathParams.length ? (await own!({ t, a: b })).params : {};
      const base = exampleOf(op.body!) as Record<string, unknown>;
      for (const field of referenceFields(op)) {
        const kind = REFERENCES[field];
        if (!kind) throw new Error(`${label(op)}: no known resource for the reference field ${field}; add it to REFERENCES`);
        const target = await FACTORIES[kind]!(world);
        const targetId = Object.values(target.params)[0]!;
        const res = await send(t, op, fillPath(op.path, params), b.auth, { ...base, [field]: targetId });
        if (res.status < 400 || res.status >= 500) throw new Error(`${label(op)} accepted ${field} of organisation A (${res.status}): ${res.text}`);
        expectNoLeak(res.text, target.leaks.filter((l) => l !== targetId), `${label(op)} with A's ${field}`);
      }
    },
    30_000,
  );

  it("refuses a user's Comptoir-Company header naming another organisation's company (403), whatever the operation", async () => {
    for (const company of [a.companyId, aSecondCompany.id]) {
      for (const [method, path, body] of [
        ['get', '/api/v1/me', undefined],
        ['get', '/api/v1/accounts', undefined],
        ['post', '/api/v1/accounts', { name: 'Intrus', roles: ['customer'] }],
        ['get', `/api/v1/companies/${company}`, undefined],
      ] as const) {
        const req = t.http()[method](path).set({ ...b.auth, 'Comptoir-Company': company });
        const res = await (body ? req.send(body) : req);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'forbidden' });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expectNoLeak(res.text, [...aLeaks(), aSecondCompany.legalName], `${method} ${path} with A's company header`);
      }
    }
    const accounts = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM accounts WHERE name = 'Intrus'`);
    expect(accounts[0]!.n).toBe(0);
  });

  it('refuses a Comptoir-Company header that is not one of the caller companies: unknown id, garbage, API key of another company', async () => {
    for (const value of [newId(), 'not-a-uuid', "'; DROP TABLE accounts; --", ' ']) {
      const res = await t.http().get('/api/v1/me').set({ ...b.auth, 'Comptoir-Company': value });
      expect({ value, status: res.status, code: res.body.code }).toEqual({ value, status: 403, code: 'forbidden' });
    }
    const byKey = await t.http().get('/api/v1/me').set({ ...b.key.auth, 'Comptoir-Company': a.companyId }).expect(403);
    expect(byKey.body.code).toBe('forbidden');
    // The owner switches between its own companies with the same header.
    const own = await t.http().get('/api/v1/me').set({ ...a.auth, 'Comptoir-Company': aSecondCompany.id }).expect(200);
    expect(own.body.company.id).toBe(aSecondCompany.id);
  });

  it('keeps another organisation out at the database level too: row-level security hides rows without the tenant setting', async () => {
    // The application role sees no tenant row unless a transaction sets its tenant (RLS is the second lock).
    const client = new Client({ connectionString: t.config.appDatabaseUrl });
    await client.connect();
    try {
      const unscoped = await client.query(`SELECT count(*)::int AS n FROM accounts`);
      expect(unscoped.rows[0].n).toBe(0);
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.organization_id', $1, true), set_config('app.company_id', $2, true)`, [b.organizationId, b.companyId]);
      const asB = await client.query(`SELECT count(*)::int AS n FROM accounts WHERE organization_id = $1`, [a.organizationId]);
      expect(asB.rows[0].n).toBe(0);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
    const owner = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM accounts WHERE organization_id = $1`, [a.organizationId]);
    expect(owner[0]!.n).toBeGreaterThan(0);
  });
});

/**
 * Query strings for a list: required parameters take every enum value, and A's ids where a UUID is
 * expected; then each optional UUID filter (accountId, userId...) is tried with each of A's ids.
 */
function queryCombinations(op: Operation, ids: string[]): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const p of op.queryParams.filter((q) => q.required)) {
    const schema = p.schema ?? {};
    const values = schema.enum?.length ? schema.enum.map(String) : schema.format === 'uuid' ? ids : [String(exampleOf(schema))];
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [p.name]: v })));
  }
  const filters = op.queryParams.filter((q) => !q.required && q.schema?.format === 'uuid');
  const filtered = filters.flatMap((p) => ids.map((id) => ({ ...combos[0], [p.name]: id })));
  return [...combos, ...filtered].slice(0, 400);
}
