import { DomainError, newId, TenantContext } from '@comptoir/platform/kernel';
import { createLedgerHarness, LedgerHarness } from '../testing/ledger-harness';
import { LedgerVerifier } from '../seal/ledger-verifier.service';
import { SealService } from '../seal/seal.service';
import { ClosingService } from './closing.service';
import { periodClosedAtCommit } from './period-closed.error';
import { PeriodGuard } from './period-guard';

describe('closings and the period guard (real PostgreSQL)', () => {
  let h: LedgerHarness;
  let closings: ClosingService;
  let seal: SealService;
  let guard: PeriodGuard;

  beforeAll(async () => {
    h = await createLedgerHarness();
    closings = h.module.get(ClosingService);
    seal = h.module.get(SealService);
    guard = h.module.get(PeriodGuard);
  });

  afterAll(() => h.close());

  const document = (kind: 'invoice' | 'credit_note' | 'deposit', recordDate: string, net: string, vat: { rate: string; base: string; amount: string }[], gross: string) => ({
    kind,
    recordType: 'sales_document',
    recordId: newId(),
    recordDate,
    payload: { number: 'X', totals: { net, vat: vat.map((v) => ({ ...v, category: 'S' })), gross } },
  });

  const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as DomainError);

  it('totals a month from the journal (credit notes subtract), with fiscal-year and perpetual totals, sealed', async () => {
    const { ctx } = await h.newCompany();
    await h.tx(
      (tx) =>
        seal.sealMany(tx, [
          document('invoice', '2025-12-20', '50.00', [{ rate: '20.00', base: '50.00', amount: '10.00' }], '60.00'),
          document('invoice', '2026-01-05', '100.00', [{ rate: '20.00', base: '100.00', amount: '20.00' }], '120.00'),
          document('invoice', '2026-01-31', '200.10', [{ rate: '20.00', base: '100.00', amount: '20.00' }, { rate: '5.50', base: '100.10', amount: '5.51' }], '225.61'),
          document('credit_note', '2026-01-15', '10.00', [{ rate: '20.00', base: '10.00', amount: '2.00' }], '12.00'),
          document('deposit', '2026-01-20', '30.00', [{ rate: '20.00', base: '30.00', amount: '6.00' }], '36.00'),
          document('invoice', '2026-02-01', '999.00', [], '999.00'),
        ]),
      ctx,
    );
    await closings.close(ctx, { kind: 'month', period: '2025-12' });
    const january = await closings.close(ctx, { kind: 'month', period: '2026-01' });
    expect(january).toMatchObject({ startDate: '2026-01-01', endDate: '2026-01-31', retainUntil: '2036-01-31' });
    expect(january.totals.period).toEqual({
      count: { invoice: 2, credit_note: 1, deposit: 1 },
      net: '320.10',
      vat: [
        { rate: '20.00', category: 'S', base: '220.00', amount: '44.00' },
        { rate: '5.50', category: 'S', base: '100.10', amount: '5.51' },
      ],
      gross: '369.61',
    });
    expect(january.totals.fiscalYearToDate.net).toBe('320.10');
    expect(january.totals.perpetual).toMatchObject({ count: { invoice: 3, credit_note: 1, deposit: 1 }, net: '370.10', gross: '429.61' });
    const { rows } = await h.owner.query(`SELECT kind, record_id, payload FROM ledger_entries WHERE company_id = $1 AND seq = $2`, [ctx.companyId, january.sealSeq]);
    expect(rows[0]).toMatchObject({ kind: 'closing', record_id: january.id, payload: { period: '2026-01', totals: january.totals } });
    expect(await h.module.get(LedgerVerifier).verify(ctx)).toMatchObject({ ok: true, entries: 8 });
    // An edited closing row is a changed record.
    const client = await h.owner.connect();
    await client.query(`ALTER TABLE ledger_closings DISABLE TRIGGER USER`);
    await client.query(`UPDATE ledger_closings SET totals = jsonb_set(totals, '{period,net}', '"1.00"') WHERE id = $1`, [january.id]);
    await client.query(`ALTER TABLE ledger_closings ENABLE TRIGGER USER`);
    client.release();
    expect(await h.module.get(LedgerVerifier).verify(ctx)).toMatchObject({ ok: false, reason: 'record_changed', field: 'totals.period.net', firstBrokenEntry: { kind: 'closing', recordId: january.id } });
  });

  it('closes only ended periods, in sequence, a fiscal year once its months are closed, never twice', async () => {
    const { ctx } = await h.newCompany();
    await h.owner.query(`UPDATE companies SET fiscal_year_start_month = 7 WHERE id = $1`, [ctx.companyId]);
    const [{ month }] = (await h.owner.query(`SELECT to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month`)).rows;
    expect(await failure(closings.close(ctx, { kind: 'month', period: month }))).toMatchObject({ status: 409, code: 'period_not_ended' });
    expect(await failure(closings.close(ctx, { kind: 'month', period: '2025-13' }))).toMatchObject({ status: 400, code: 'validation_failed' });
    await closings.close(ctx, { kind: 'month', period: '2025-06' });
    expect(await failure(closings.close(ctx, { kind: 'month', period: '2025-06' }))).toMatchObject({ code: 'already_closed' });
    expect(await failure(closings.close(ctx, { kind: 'month', period: '2025-08' }))).toMatchObject({ code: 'closing_out_of_sequence' });
    expect(await failure(closings.close(ctx, { kind: 'year', period: '2025' }))).toMatchObject({ code: 'closing_out_of_sequence' });
    for (const period of ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) {
      await closings.close(ctx, { kind: 'month', period });
    }
    expect(await failure(closings.close(ctx, { kind: 'year', period: '2026' }))).toMatchObject({ code: 'closing_out_of_sequence', message: expect.stringContaining('2026-06') });
    await closings.close(ctx, { kind: 'month', period: '2026-06' });
    const year = await closings.close(ctx, { kind: 'year', period: '2026' });
    expect(year).toMatchObject({ startDate: '2025-07-01', endDate: '2026-06-30' });
    expect(await failure(closings.close(ctx, { kind: 'year', period: '2026' }))).toMatchObject({ code: 'already_closed' });
  });

  it('refuses anything dated in a closed period, in the guard and in the seal itself', async () => {
    const { ctx } = await h.newCompany();
    await closings.close(ctx, { kind: 'month', period: '2026-01' });
    const check = (date: string, c: TenantContext = ctx) => failure(h.tx((tx) => guard.assertOpen(tx, date), c));
    expect(await check('2026-01-31')).toMatchObject({ status: 409, code: 'period_closed' });
    expect(await check('2025-06-01')).toMatchObject({ code: 'period_closed' });
    expect(await check('2026-02-01')).toBeNull();
    expect(await check('2026-01-31', (await h.newCompany()).ctx)).toBeNull();
    expect(await failure(h.tx((tx) => seal.seal(tx, document('invoice', '2026-01-31', '1.00', [], '1.00')), ctx))).toMatchObject({ code: 'period_closed' });
    // Originals of documents of a closed period may still arrive (PDFs are rendered after validation).
    await expect(h.tx((tx) => seal.seal(tx, { ...document('invoice', '2026-01-31', '1.00', [], '1.00'), kind: 'original' }), ctx)).resolves.toMatchObject({ seq: 2 });
  });

  it('does not let a document slip into a month being closed concurrently', async () => {
    const { ctx } = await h.newCompany();
    // A validation that passed its guard check waits for the chain head the closing holds.
    let release!: () => void;
    const closingHoldsHead = new Promise<void>((resolve) => (release = resolve));
    const closing = h.tx(async (tx) => {
      await seal.lockHead(tx);
      release();
      await new Promise((r) => setTimeout(r, 300));
      return 'locked';
    }, ctx);
    await closingHoldsHead;
    const validation = failure(
      h.tx(async (tx) => {
        await guard.assertOpen(tx, '2026-01-15');
        await h.owner.query(
          `INSERT INTO ledger_closings (id, organization_id, company_id, kind, period, start_date, end_date, totals, seal_seq, archive_key, retain_until)
           VALUES (gen_random_uuid(), $1, $2, 'month', '2026-01', '2026-01-01', '2026-01-31', '{}', 0, 'k', '2036-01-31')`,
          [ctx.organizationId, ctx.companyId],
        );
        return seal.seal(tx, document('invoice', '2026-01-15', '1.00', [], '1.00'));
      }, ctx),
    );
    await closing;
    expect(await validation).toMatchObject({ code: 'period_closed' });
  });

  it('checks the period again in the COMMIT that carries a sealing (sealAtCommit), after the head was locked', async () => {
    const { ctx, establishmentId } = await h.newCompany();
    const attempt = h.tx(async (tx) => {
      const { numbers, head } = await seal.numberForSealing(tx, { documentType: 'invoice', establishmentId, dates: ['2026-01-15'] });
      // A closing of January commits after this transaction took the series and the head.
      await h.owner.query(
        `INSERT INTO ledger_closings (id, organization_id, company_id, kind, period, start_date, end_date, totals, seal_seq, archive_key, retain_until)
         VALUES (gen_random_uuid(), $1, $2, 'month', '2026-01', '2026-01-01', '2026-01-31', '{}', 0, 'k', '2036-01-31')`,
        [ctx.organizationId, ctx.companyId],
      );
      seal.sealAtCommit(tx, [{ ...document('invoice', '2026-01-15', '1.00', [], '1.00'), payload: { number: numbers[0]!.number } }], head);
    }, ctx);
    const error = await attempt.then(() => null, (e: unknown) => e);
    expect(periodClosedAtCommit(error)).toMatchObject({ code: 'period_closed', message: expect.stringContaining('2026-01-15') });
    const [left] = (await h.owner.query(`SELECT (SELECT count(*)::int FROM ledger_entries WHERE company_id = $1) AS entries, (SELECT coalesce(sum(last_value), 0)::int FROM number_counters WHERE company_id = $1) AS numbers`, [ctx.companyId])).rows;
    expect(left).toEqual({ entries: 0, numbers: 0 });
  });
});
