import fc from 'fast-check';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { openInstallments } from '@comptoir/billing-engine';
import { createDataSource, TenantDb } from '@comptoir/platform/database';
import { Dec, newId, TenantContext } from '@comptoir/platform/kernel';
import { createTestDatabase, testConfig, TestDatabase } from '@comptoir/platform/testing';
import { addDays } from '../../common/dates';
import { AGING_BUCKETS, AgingBucket, bucketOf } from './aging-buckets';
import { agedReceivables, AgedReceivables, openInstallmentRows } from './aged-receivables.query';
import { ReceivablesService } from '../receivables.service';

/**
 * The one-pass SQL against the contract rule, on random histories: for every invoice dated on or
 * before the as-of date, what was allocated to it up to that date goes through `openInstallments`
 * (@comptoir/billing-engine) and each open installment is bucketed by its days overdue. Both paths of
 * the SQL (today's on live balances, the past one on dated allocations) must give that same answer.
 */

interface Allocation {
  offset: number; // days after the invoice date
  cents: number; // negative: a reversal
  source: 'payment' | 'credit_note';
}
interface GeneratedInvoice {
  customer: number;
  establishment: number;
  age: number; // days before today
  dueAfter: number | null; // due date = date + dueAfter, null: no due date (the invoice date)
  cents: number;
  schedule: { after: number; cents: number }[];
  allocations: Allocation[];
  kind: 'invoice' | 'deposit' | 'credit_note';
  status: 'validated' | 'draft';
  testMode: boolean;
}
interface StoredInvoice {
  id: string;
  accountId: string;
  establishmentId: string;
  date: string;
  dueDate: string | null;
  due: string;
  schedule: { dueDate: string; amount: string }[];
  allocations: { date: string; amount: string }[];
  receivable: boolean;
}

const money = (cents: number) => new Dec(cents).dividedBy(100).toFixed(2);

/** `total` split by `weights` in whole cents, the last share taking the rest (same sign as the total). */
function shares(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  let allotted = 0;
  return weights.map((w, i) => {
    const share = i === weights.length - 1 ? total - allotted : Math.trunc((total * w) / sum);
    allotted += share;
    return share;
  });
}

const invoiceArb: fc.Arbitrary<GeneratedInvoice> = fc.record({
  customer: fc.integer({ min: 0, max: 2 }),
  establishment: fc.integer({ min: 0, max: 1 }),
  age: fc.integer({ min: 0, max: 300 }),
  dueAfter: fc.option(fc.integer({ min: 0, max: 90 })),
  cents: fc.integer({ min: -5_000, max: 500_000 }),
  // Installments as computeSchedule makes them: shares of the amount due, the last one taking the rest.
  schedule: fc.oneof(fc.constant<{ after: number; cents: number }[]>([]), fc.array(fc.record({ after: fc.integer({ min: 0, max: 120 }), cents: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 4 })),
  allocations: fc.array(
    fc.record({ offset: fc.integer({ min: 0, max: 200 }), cents: fc.integer({ min: -100_000, max: 300_000 }), source: fc.constantFrom('payment' as const, 'credit_note' as const) }),
    { maxLength: 4 },
  ),
  kind: fc.constantFrom('invoice' as const, 'invoice' as const, 'deposit' as const, 'credit_note' as const),
  status: fc.constantFrom('validated' as const, 'validated' as const, 'validated' as const, 'draft' as const),
  testMode: fc.constantFrom(false, false, false, true),
});

describe('aged receivables: one SQL pass = openInstallments per invoice (property, real PostgreSQL)', () => {
  let database: TestDatabase;
  let owner: Pool;
  let dataSource: DataSource;
  let db: TenantDb;
  let service: ReceivablesService;
  let today: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = new Pool({ connectionString: database.url, max: 2 });
    owner.on('error', () => undefined);
    dataSource = await createDataSource({ url: testConfig(database.url).appDatabaseUrl, entities: [], poolSize: 2 }).initialize();
    db = new TenantDb(dataSource);
    service = new ReceivablesService(db);
    today = (await owner.query(`SELECT (now() AT TIME ZONE 'Europe/Paris')::date::text AS today`)).rows[0].today;
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await owner?.end();
    await database?.drop();
  });

  async function newCompany(): Promise<{ ctx: TenantContext; establishments: string[]; customers: string[] }> {
    const organizationId = newId();
    const companyId = newId();
    await owner.query(`INSERT INTO organizations (id, name) VALUES ($1, 'Org')`, [organizationId]);
    await owner.query(`INSERT INTO companies (id, organization_id, legal_name, siren, time_zone) VALUES ($1, $2, 'Société Test', '732829320', 'Europe/Paris')`, [companyId, organizationId]);
    const establishments = [newId(), newId()];
    for (const [i, id] of establishments.entries()) {
      await owner.query(`INSERT INTO establishments (id, organization_id, company_id, name, siret, is_default) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        organizationId,
        companyId,
        `Établissement ${i}`,
        i === 0 ? '73282932000074' : '73282932000033',
        i === 0,
      ]);
    }
    const customers = [newId(), newId(), newId()];
    for (const [i, id] of customers.entries()) {
      await owner.query(`INSERT INTO accounts (id, organization_id, company_id, name, roles) VALUES ($1, $2, $3, $4, '{customer}')`, [id, organizationId, companyId, `Client ${i}`]);
    }
    return { ctx: { organizationId, companyId, actor: { type: 'system', id: 'test', name: 'test' }, role: 'admin', scopes: ['*'] }, establishments, customers };
  }

  /** Rows as billing keeps them: the live balance and settled_on recomputed from the allocations, as SettlementLedger does. */
  async function store(ctx: TenantContext, establishments: string[], customers: string[], generated: GeneratedInvoice[]): Promise<StoredInvoice[]> {
    const stored: StoredInvoice[] = [];
    for (const g of generated) {
      const id = newId();
      const date = addDays(today, -g.age);
      const schedule = shares(g.cents, g.schedule.map((s) => s.cents)).map((cents, i) => ({ dueDate: addDays(date, g.schedule[i]!.after), amount: money(cents) }));
      // Nothing is allocated after today (payments are not dated in the future), nor to an invoice asking for nothing.
      const allocations = (g.cents > 0 ? g.allocations : []).map((a) => ({ date: addDays(date, Math.min(a.offset, g.age)), amount: money(a.cents), source: a.source })).filter((a) => a.amount !== '0.00');
      const receivable = g.kind !== 'credit_note' && g.status === 'validated' && !g.testMode;
      const due = money(g.cents);
      const total = allocations.reduce((s, a) => s.plus(a.amount), new Dec(0));
      const balance = new Dec(due).minus(total);
      const lastDate = allocations.map((a) => a.date).sort().at(-1) ?? null;
      const dueDate = g.dueAfter === null ? null : addDays(date, g.dueAfter);
      await owner.query(
        `INSERT INTO sales_documents (id, organization_id, company_id, type, kind, status, number, establishment_id, currency, account_id, date, due_date, schedule, pdf_options, totals, due, gross,
                                      balance_due, paid, settled_on, test_mode)
         VALUES ($1, $2, $3, 'invoice', $4, $5, $6, $7, 'EUR', $8, $9, $10, $11, '{}', '{}', $12, $12, $13, $14, $15, $16)`,
        [
          id,
          ctx.organizationId,
          ctx.companyId,
          g.kind,
          g.status,
          g.status === 'draft' || g.testMode ? null : `FA-${id.slice(0, 8)}`,
          establishments[g.establishment],
          customers[g.customer],
          date,
          dueDate,
          JSON.stringify(schedule.map((s, index) => ({ index, ...s, percent: '0.00', kind: 'payment' }))),
          due,
          g.status === 'draft' || g.testMode ? null : balance.toFixed(2),
          total.toFixed(2),
          g.status === 'validated' && !g.testMode && balance.lte(0) ? lastDate : null,
          g.testMode,
        ],
      );
      for (const a of allocations) {
        await owner.query(
          `INSERT INTO payment_allocations (id, organization_id, company_id, source_type, source_id, target_type, target_id, amount, date) VALUES ($1, $2, $3, $4, $5, 'invoice', $6, $7, $8)`,
          [newId(), ctx.organizationId, ctx.companyId, a.source, newId(), id, a.amount, a.date],
        );
      }
      stored.push({ id, accountId: customers[g.customer]!, establishmentId: establishments[g.establishment]!, date, dueDate, due, schedule, allocations, receivable });
    }
    return stored;
  }

  /** The reference: openInstallments per invoice, in TypeScript. */
  function reference(invoices: StoredInvoice[], asOf: string, establishmentId?: string) {
    const rows: { invoiceId: string; accountId: string; installment: number; dueDate: string; open: string; bucket: AgingBucket }[] = [];
    for (const inv of invoices) {
      if (!inv.receivable || inv.date > asOf || (establishmentId && inv.establishmentId !== establishmentId)) continue;
      const settled = inv.allocations.filter((a) => a.date <= asOf).reduce((s, a) => s.plus(a.amount), new Dec(0));
      for (const i of openInstallments(inv.schedule, { dueDate: inv.dueDate ?? inv.date, amount: inv.due }, settled.toFixed(2))) {
        if (new Dec(i.open).isZero()) continue;
        const days = Math.round((Date.parse(asOf) - Date.parse(i.dueDate)) / 86_400_000);
        rows.push({ invoiceId: inv.id, accountId: inv.accountId, installment: i.index, dueDate: i.dueDate, open: i.open, bucket: bucketOf(days) });
      }
    }
    return rows;
  }

  function referenceReport(rows: ReturnType<typeof reference>) {
    const sum = (list: typeof rows) => Object.fromEntries(AGING_BUCKETS.map((b) => [b, list.filter((r) => r.bucket === b).reduce((s, r) => s.plus(r.open), new Dec(0)).toFixed(2)]));
    const customers = [...new Set(rows.map((r) => r.accountId))].sort();
    return { total: sum(rows), customers: Object.fromEntries(customers.map((c) => [c, sum(rows.filter((r) => r.accountId === c))])) };
  }

  const asReport = (report: AgedReceivables) => ({
    total: Object.fromEntries(report.buckets.map((b) => [b.key, b.amount])),
    customers: Object.fromEntries(report.customers.map((c) => [c.accountId, Object.fromEntries(c.buckets.map((b) => [b.key, b.amount]))])),
  });

  it('equals the reference at random dates, today by both paths, per establishment, in the drill-down', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(invoiceArb, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 320 }), { minLength: 1, maxLength: 3 }), async (generated, ages) => {
        const { ctx, establishments, customers } = await newCompany();
        const invoices = await store(ctx, establishments, customers, generated);
        for (const asOf of [today, ...ages.map((a) => addDays(today, -a))]) {
          const expected = referenceReport(reference(invoices, asOf));
          const past = await db.transaction(ctx, (tx) => agedReceivables(tx, { asOf, today: false }));
          expect(asReport(past)).toEqual(expected);
          const totals = past.customers.reduce((s, c) => s.plus(c.total), new Dec(0));
          expect(past.total).toBe(totals.toFixed(2));
          if (asOf === today) expect(asReport(await db.transaction(ctx, (tx) => agedReceivables(tx, { asOf, today: true })))).toEqual(expected);
          expect(asReport(await service.aged(ctx, { asOf, establishmentId: establishments[1] }))).toEqual(referenceReport(reference(invoices, asOf, establishments[1])));
          const drill = await db.transaction(ctx, (tx) => openInstallmentRows(tx, { asOf, today: false, accountId: customers[0] }));
          const expectedRows = reference(invoices, asOf).filter((r) => r.accountId === customers[0]);
          const key = (r: { invoiceId: string; installment: number; open: string; bucket: string; dueDate: string }) => `${r.invoiceId}/${r.installment}/${r.dueDate}/${r.open}/${r.bucket}`;
          expect(drill.map(key).sort()).toEqual(expectedRows.map(key).sort());
        }
      }),
      { numRuns: 40 },
    );
  });

  it('filters by sector (the customer’s); another tenant’s establishment selects nothing', async () => {
    const { ctx, establishments, customers } = await newCompany();
    const sectorId = newId();
    await owner.query(`INSERT INTO sectors (id, organization_id, company_id, establishment_id, code, name) VALUES ($1, $2, $3, $4, 'NORD', 'Nord')`, [sectorId, ctx.organizationId, ctx.companyId, establishments[0]]);
    await owner.query(`UPDATE accounts SET sector_id = $1 WHERE id = $2`, [sectorId, customers[1]]);
    const base = { establishment: 0, age: 40, dueAfter: 30, schedule: [], allocations: [], kind: 'invoice' as const, status: 'validated' as const, testMode: false };
    await store(ctx, establishments, customers, [
      { ...base, customer: 0, cents: 10_000 },
      { ...base, customer: 1, cents: 25_050 },
    ]);
    const report = await service.aged(ctx, { sectorId });
    expect(report.customers.map((c) => [c.accountId, c.total])).toEqual([[customers[1], '250.50']]);
    expect(report.buckets.find((b) => b.key === '1_30')!.amount).toBe('250.50');
    const other = await newCompany();
    expect(await service.aged(ctx, { establishmentId: other.establishments[0] })).toMatchObject({ total: '0.00', customers: [] });
  });
});
