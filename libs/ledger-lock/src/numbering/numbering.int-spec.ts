import { DomainError } from '@comptoir/platform/kernel';
import { createLedgerHarness, LedgerHarness } from '../testing/ledger-harness';
import { NumberingService } from './numbering.service';

describe('NumberingService (real PostgreSQL, application role)', () => {
  let h: LedgerHarness;
  let numbering: NumberingService;
  let today: string;

  beforeAll(async () => {
    h = await createLedgerHarness();
    numbering = h.module.get(NumberingService);
    [{ today }] = (await h.owner.query(`SELECT (now() AT TIME ZONE 'Europe/Paris')::date::text AS today`)).rows;
  });

  afterAll(() => h.close());

  const assign = (date: string, documentType: 'invoice' | 'quote' | 'credit_note' = 'invoice', ctx = h.ctx, establishmentId = h.establishmentId) =>
    h.tx((tx) => numbering.assign(tx, { documentType, establishmentId, date }), ctx);

  const expectConflict = async (promise: Promise<unknown>, code: string) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code, status: 409 });
    return error as DomainError;
  };

  it('gives 16 concurrent validations 16 consecutive numbers, each once', async () => {
    const { ctx, establishmentId } = await h.newCompany();
    const numbers = await Promise.all(Array.from({ length: 16 }, () => assign(today, 'invoice', ctx, establishmentId)));
    const counters = numbers.map((n) => n.counter).sort((a, b) => a - b);
    expect(counters).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(new Set(numbers.map((n) => n.number)).size).toBe(16);
    expect(numbers.map((n) => n.number)).toContain(`FA${today.slice(0, 4)}-00016`);
  });

  it('consumes nothing when the validating transaction rolls back', async () => {
    const { ctx, establishmentId } = await h.newCompany();
    await expect(
      h.tx(async (tx) => {
        await numbering.assign(tx, { documentType: 'quote', establishmentId, date: today });
        throw new Error('validation failed later');
      }, ctx),
    ).rejects.toThrow('validation failed later');
    expect((await assign(today, 'quote', ctx, establishmentId)).number).toBe(`DE${today.slice(0, 4)}-00001`);
  });

  it('refuses a date in the future and a date before the last numbered one, naming it', async () => {
    const { ctx, establishmentId } = await h.newCompany();
    const [{ tomorrow }] = (await h.owner.query(`SELECT ($1::date + 1)::text AS tomorrow`, [today])).rows;
    await expectConflict(assign(tomorrow, 'invoice', ctx, establishmentId), 'date_in_future');
    await assign(today, 'invoice', ctx, establishmentId);
    const [{ yesterday }] = (await h.owner.query(`SELECT ($1::date - 1)::text AS yesterday`, [today])).rows;
    const error = await expectConflict(assign(yesterday, 'invoice', ctx, establishmentId), 'date_before_last_validated');
    expect(error.message).toContain(today);
    // Another document type is another series: its own dates.
    await expect(assign(yesterday, 'credit_note', ctx, establishmentId)).resolves.toMatchObject({ counter: 1 });
  });

  it('numbers a batch in one go, in date order, across yearly periods', async () => {
    const { ctx, establishmentId } = await h.newCompany();
    const year = Number(today.slice(0, 4));
    const dates = [`${year - 1}-12-30`, `${year - 1}-12-31`, `${year}-01-02`, today];
    const numbers = await h.tx((tx) => numbering.assignMany(tx, { documentType: 'invoice', establishmentId, dates }), ctx);
    expect(numbers.map((n) => n.number)).toEqual([`FA${year - 1}-00001`, `FA${year - 1}-00002`, `FA${year}-00001`, `FA${year}-00002`]);
    await expectConflict(h.tx((tx) => numbering.assignMany(tx, { documentType: 'invoice', establishmentId, dates: [today, `${year}-01-03`] }), ctx), 'date_before_last_validated');
    const { rows } = await h.owner.query(`SELECT period_key, last_value FROM number_counters WHERE company_id = $1 ORDER BY period_key`, [ctx.companyId]);
    expect(rows).toEqual([
      { period_key: String(year - 1), last_value: 2 },
      { period_key: String(year), last_value: 2 },
    ]);
  });

  it("uses the establishment's own series when it has one", async () => {
    const { ctx, establishmentId } = await h.newCompany();
    await h.owner.query(
      `INSERT INTO number_sequences (id, organization_id, company_id, document_type, establishment_id, pattern, counter_width, reset) VALUES (gen_random_uuid(), $1, $2, 'invoice', $3, 'L{yy}{mm}-', 3, 'monthly')`,
      [ctx.organizationId, ctx.companyId, establishmentId],
    );
    expect((await assign(today, 'invoice', ctx, establishmentId)).number).toBe(`L${today.slice(2, 4)}${today.slice(5, 7)}-001`);
    const { rows } = await h.owner.query(`SELECT pattern, used_at IS NOT NULL AS used, last_date::text FROM number_sequences WHERE company_id = $1 AND establishment_id IS NOT NULL`, [ctx.companyId]);
    expect(rows).toEqual([{ pattern: 'L{yy}{mm}-', used: true, last_date: today }]);
  });
});
