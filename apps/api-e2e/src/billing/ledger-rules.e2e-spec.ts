import { createTestApp, TestApp } from '../support/test-app';
import { randomSiren, signupOrganization, SignedUpOrg } from '../support/fixtures';
import { addDaysTo, createCustomer, draftInvoice, parisToday, previousMonth } from './billing-fixtures';

/**
 * Legal rules of validation through the API: closed periods, numbers that follow dates, TEST mode,
 * tampering found by /ledger/verify, and concurrent validations that yield consecutive numbers.
 */
describe('Sales documents and the legal ledger', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  async function tenant(name: string): Promise<{ org: SignedUpOrg; customerId: string }> {
    const org = await signupOrganization(t.http(), name);
    return { org, customerId: (await createCustomer(() => t.http(), org.auth)).id };
  }

  it('refuses to create, validate or cancel anything dated in a closed period (409 period_closed), and allows it after', async () => {
    const { org, customerId } = await tenant('Cloture');
    const month = previousMonth(parisToday());
    const lastMonthDay = `${month}-15`;
    const draft = await draftInvoice(() => t.http(), org.auth, customerId, { date: lastMonthDay });
    const quote = await t.http().post('/api/v1/quotes').set(org.auth).send({ accountId: customerId, date: lastMonthDay }).expect(201);
    await t.http().post('/api/v1/closings').set(org.auth).send({ period: month, kind: 'month' }).expect(201);

    const created = await t.http().post('/api/v1/invoices').set(org.auth).send({ accountId: customerId, date: lastMonthDay, lines: [] }).expect(409);
    expect(created.body.code).toBe('period_closed');
    const validated = await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(409);
    expect(validated.body.code).toBe('period_closed');
    const cancelled = await t.http().post(`/api/v1/quotes/${quote.body.id}/cancel`).set(org.auth).expect(409);
    expect(cancelled.body.code).toBe('period_closed');
    const moved = await t.http().patch(`/api/v1/invoices/${draft.id}`).set(org.auth).send({ date: `${month}-20` }).expect(409);
    expect(moved.body.code).toBe('period_closed');
    // The record's own date decides: moved to today, the draft validates.
    await t.http().patch(`/api/v1/invoices/${draft.id}`).set(org.auth).send({ date: parisToday() }).expect(200);
    const ok = await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200);
    expect(ok.body.number).toMatch(/^FA\d{4}-00001$/);
  });

  it('numbers follow dates: 409 date_before_last_validated and date_in_future, nothing consumed', async () => {
    const { org, customerId } = await tenant('Dates');
    const today = parisToday();
    const first = await draftInvoice(() => t.http(), org.auth, customerId, { date: today });
    const earlier = await draftInvoice(() => t.http(), org.auth, customerId, { date: addDaysTo(today, -1) });
    const future = await draftInvoice(() => t.http(), org.auth, customerId, { date: addDaysTo(today, 2) });
    const n1 = (await t.http().post(`/api/v1/invoices/${first.id}/validate`).set(org.auth).expect(200)).body.number as string;
    const before = await t.http().post(`/api/v1/invoices/${earlier.id}/validate`).set(org.auth).expect(409);
    expect(before.body.code).toBe('date_before_last_validated');
    const ahead = await t.http().post(`/api/v1/invoices/${future.id}/validate`).set(org.auth).expect(409);
    expect(ahead.body.code).toBe('date_in_future');
    for (const id of [earlier.id, future.id]) expect((await t.http().get(`/api/v1/invoices/${id}`).set(org.auth).expect(200)).body).toMatchObject({ status: 'draft', number: null });
    const next = await draftInvoice(() => t.http(), org.auth, customerId, { date: today });
    const n2 = (await t.http().post(`/api/v1/invoices/${next.id}/validate`).set(org.auth).expect(200)).body.number as string;
    expect(Number(n2.slice(-5))).toBe(Number(n1.slice(-5)) + 1); // the refused validations consumed nothing
  });

  it('TEST mode: a sandbox company numbers TEST-…, consumes no legal number and seals nothing', async () => {
    const org = await signupOrganization(t.http(), 'Bac');
    const company = await t.http().post('/api/v1/companies').set(org.auth).send({ legalName: 'Formation SAS', siren: randomSiren(), isSandbox: true }).expect(201);
    const auth = { ...org.auth, 'Comptoir-Company': company.body.id };
    const customerId = (await createCustomer(() => t.http(), auth)).id;
    const draft = await draftInvoice(() => t.http(), auth, customerId);
    const validated = await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(auth).expect(200);
    expect(validated.body).toMatchObject({ status: 'validated', testMode: true });
    expect(validated.body.number).toMatch(/^TEST-\d{8}-[0-9A-F]{8}$/);
    const entries = await t.http().get('/api/v1/ledger/entries').set(auth).expect(200);
    expect(entries.body.data).toEqual([]);
    const counters = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM number_counters WHERE company_id = $1`, [company.body.id]);
    expect(counters[0]!.n).toBe(0);
  });

  it('a superuser who edits a frozen customer name or an amount past the triggers is caught by /ledger/verify (record_changed)', async () => {
    const { org, customerId } = await tenant('Fraude');
    const draft = await draftInvoice(() => t.http(), org.auth, customerId, { amount: '250.00' });
    await t.http().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200);
    const clean = await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200);
    expect(clean.body.ok).toBe(true);

    const tamper = async (sql: string) => {
      await t.sql(`ALTER TABLE sales_documents DISABLE TRIGGER USER`);
      try {
        await t.sql(sql, [draft.id]);
      } finally {
        await t.sql(`ALTER TABLE sales_documents ENABLE TRIGGER USER`);
      }
    };
    const snapshot = (await t.sql<{ snapshot: object; gross: string }>(`SELECT snapshot, gross::text AS gross FROM sales_documents WHERE id = $1`, [draft.id]))[0]!;

    await tamper(`UPDATE sales_documents SET snapshot = jsonb_set(snapshot, '{buyer,name}', '"Quelqu''un d''autre"') WHERE id = $1`);
    const renamed = await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200);
    expect(renamed.body).toMatchObject({ ok: false, reason: 'record_changed', firstBrokenEntry: { recordId: draft.id } });

    await t.sql(`ALTER TABLE sales_documents DISABLE TRIGGER USER`);
    await t.sql(`UPDATE sales_documents SET snapshot = $2 WHERE id = $1`, [draft.id, snapshot.snapshot]);
    await t.sql(`ALTER TABLE sales_documents ENABLE TRIGGER USER`);
    expect((await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);

    await tamper(`UPDATE sales_documents SET gross = gross - 100, due = due - 100 WHERE id = $1`);
    const cheaper = await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200);
    expect(cheaper.body).toMatchObject({ ok: false, reason: 'record_changed', firstBrokenEntry: { recordId: draft.id } });
  });

  it('16 concurrent validations take 16 consecutive numbers, without gap or duplicate', async () => {
    const { org, customerId } = await tenant('Concurrence');
    const drafts = [];
    for (let i = 0; i < 16; i++) drafts.push(await draftInvoice(() => t.http(), org.auth, customerId, { amount: `${100 + i}.00` }));
    const results = await Promise.all(drafts.map((d) => t.http().post(`/api/v1/invoices/${d.id}/validate`).set(org.auth)));
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(200));
    const counters = results.map((r) => Number((r.body.number as string).slice(-5))).sort((a, b) => a - b);
    expect(counters).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const verify = await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200);
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('validates a batch all or none: per-id errors, then consecutive numbers in date order and sealed entries', async () => {
    const { org, customerId } = await tenant('Lot');
    const today = parisToday();
    const late = await draftInvoice(() => t.http(), org.auth, customerId, { date: today });
    const early = await draftInvoice(() => t.http(), org.auth, customerId, { date: addDaysTo(today, -3) });
    const other = await draftInvoice(() => t.http(), org.auth, customerId, { date: addDaysTo(today, -1) });
    await t.http().post(`/api/v1/invoices/${other.id}/validate`).set(org.auth).expect(200);
    const missing = '01934567-89ab-7cde-8f01-23456789abcd';
    const refused = await t.http().post('/api/v1/invoices/validate-batch').set(org.auth).send({ ids: [late.id, other.id, missing] }).expect(422);
    expect(refused.body.code).toBe('batch_invalid');
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['ids[1]', 'ids[2]']);
    expect((await t.http().get(`/api/v1/invoices/${late.id}`).set(org.auth).expect(200)).body.status).toBe('draft');

    // The earliest draft is dated before the validated one: the whole batch is refused, nothing consumed.
    const dated = await t.http().post('/api/v1/invoices/validate-batch').set(org.auth).send({ ids: [late.id, early.id] }).expect(409);
    expect(dated.body.code).toBe('date_before_last_validated');
    await t.http().delete(`/api/v1/invoices/${early.id}`).set(org.auth).expect(204);
    const more = [await draftInvoice(() => t.http(), org.auth, customerId, { date: today }), await draftInvoice(() => t.http(), org.auth, customerId, { date: today })];
    const ok = await t.http().post('/api/v1/invoices/validate-batch').set(org.auth).send({ ids: [more[1]!.id, late.id, more[0]!.id] }).expect(200);
    expect(ok.body.count).toBe(3);
    expect(ok.body.validated.map((v: { number: string }) => Number(v.number.slice(-5)))).toEqual([2, 3, 4]);
    const verify = await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200);
    expect(verify.body).toMatchObject({ ok: true });
    const entries = await t.http().get('/api/v1/ledger/entries').set(org.auth).expect(200);
    expect(entries.body.data.filter((e: { kind: string }) => e.kind === 'invoice')).toHaveLength(4);
  });
});
