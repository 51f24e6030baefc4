import { seedBankingDemo } from '@comptoir/banking';
import { seedEInvoicingDemo } from '@comptoir/einvoicing';
import { seedBillingDemo, seedDunningDemo, seedPaymentsDemo } from '@comptoir/billing';
import { seededDemo } from '../support/demo-tenant';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The demo seeds of every module (apps/api/src/seed.ts), each over the billing demo of its own
 * organisation, all in one app and database: booting one per module cost more than the checks.
 */
describe('Demo seeds', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('seedBillingDemo', () => {
    it('creates documents in every status, numbered in date order with a sound ledger, once', async () => {
      const { org, ctx, customerIds, billing } = await seededDemo(t, 'Demo');
      expect(billing).toEqual({ quotes: 6, orders: 1, deliveryNotes: 1, invoices: 16, creditNotes: 1 });

      const rows = await t.sql<{ type: string; kind: string | null; status: string; n: number }>(
        `SELECT type, kind, status, count(*)::int AS n FROM sales_documents WHERE company_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [org.companyId],
      );
      expect(rows).toEqual([
        { type: 'delivery_note', kind: null, status: 'validated', n: 1 },
        { type: 'invoice', kind: 'credit_note', status: 'validated', n: 1 },
        { type: 'invoice', kind: 'invoice', status: 'draft', n: 2 },
        { type: 'invoice', kind: 'invoice', status: 'validated', n: 14 },
        { type: 'order', kind: null, status: 'validated', n: 1 },
        { type: 'quote', kind: null, status: 'done', n: 1 },
        { type: 'quote', kind: null, status: 'draft', n: 2 },
        { type: 'quote', kind: null, status: 'refused', n: 1 },
        { type: 'quote', kind: null, status: 'validated', n: 2 },
      ]);
      const invoices = await t.sql<{ number: string; date: string }>(
        `SELECT number, date::text AS date FROM sales_documents WHERE company_id = $1 AND kind = 'invoice' AND number IS NOT NULL ORDER BY number`,
        [org.companyId],
      );
      expect(invoices.map((i) => i.date)).toEqual([...invoices.map((i) => i.date)].sort());
      expect((await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);

      // Keyset pages (newest first) add up to the whole list, in the same order.
      const all = (await t.http().get('/api/v1/invoices?limit=200').set(org.auth).expect(200)).body.data.map((d: { id: string }) => d.id);
      const paged: string[] = [];
      for (let cursor: string | null = null, pages = 0; pages === 0 || cursor; pages++) {
        const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await t.http().get('/api/v1/invoices').query({ limit: 5, ...(cursor ? { cursor } : {}) }).set(org.auth).expect(200);
        paged.push(...page.body.data.map((d) => d.id));
        cursor = page.body.nextCursor;
      }
      expect(all).toHaveLength(17);
      expect(paged).toEqual(all);
      expect(await seedBillingDemo(t.app, ctx, { customerIds })).toBeNull();
    }, 60_000);
  });

  describe('seedPaymentsDemo', () => {
    it('leaves paid, partially paid and unpaid invoices, an allocated credit note, customer credit and a cancelled cheque, once', async () => {
      const { org, ctx } = await seededDemo(t, 'Demo paiements');
      expect(await seedPaymentsDemo(t.app, ctx)).toEqual({ paid: 6, partiallyPaid: 2, credit: '30.00', cancelled: 1 });

      const statuses = await t.sql<{ payment_status: string; n: number }>(
        `SELECT payment_status, count(*)::int AS n FROM sales_documents WHERE company_id = $1 AND kind = 'invoice' AND status = 'validated' GROUP BY 1 ORDER BY 1`,
        [org.companyId],
      );
      expect(statuses.map((s) => s.payment_status)).toEqual(['paid', 'partially_paid', 'unpaid']);
      const creditNote = await t.sql<{ balance_due: string; gross: string }>(`SELECT balance_due::text, gross::text FROM sales_documents WHERE company_id = $1 AND kind = 'credit_note'`, [org.companyId]);
      expect(creditNote[0]!.balance_due).toBe('0.00');
      const credit = (await t.http().get('/api/v1/payments?direction=in&status=recorded').set(org.auth).expect(200)).body.data.filter((p: { unallocated: string }) => p.unallocated !== '0.00');
      expect(credit.map((p: { unallocated: string }) => p.unallocated)).toEqual(['30.00']);
      expect((await t.http().get('/api/v1/payments?status=cancelled').set(org.auth).expect(200)).body.data).toHaveLength(1);
      expect((await t.http().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);
      expect(await seedPaymentsDemo(t.app, ctx)).toBeNull();
    });
  });

  describe('seedDunningDemo', () => {
    it('leaves the demo company with its default steps, a disputed invoice, two first reminders queued, more to dun and a digest', async () => {
      const { org, ctx } = await seededDemo(t, 'Demo relances');

      expect(await seedDunningDemo(t.app, ctx)).toEqual({ planned: 2 });

      const open = (await t.http().get('/api/v1/dunning/candidates?scope=open').set(org.auth).expect(200)).body;
      expect(open.data.filter((c: { recoveryStatus: string | null }) => c.recoveryStatus === 'disputed')).toHaveLength(1);
      expect(open.data.filter((c: { lastStep: { status: string } | null }) => c.lastStep?.status === 'pending')).toHaveLength(2);
      const due = open.data.filter((c: { toDun: boolean }) => c.toDun);
      expect(due.length).toBeGreaterThan(0);
      expect(open.digest).toEqual({ on: open.asOf, count: due.length, amount: expect.stringMatching(/^\d+\.\d{2}$/) });
      const mails = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_messages WHERE message_id LIKE '<dunning.%' AND organization_id = $1`, [org.organizationId]);
      expect(mails[0]!.n).toBe(2);
    }, 120_000);
  });

  describe('seedBankingDemo', () => {
    it('gives customers with open invoices a mandate, collects the first one in a batch, and leaves the rest collectable, once', async () => {
      const { org, ctx } = await seededDemo(t, 'Demo');

      expect(await seedBankingDemo(t.app, ctx, org.userId)).toEqual({ mandates: 2, batches: 1 });
      const company = (await t.http().get(`/api/v1/companies/${org.companyId}`).set(org.auth).expect(200)).body;
      expect(company.sepaCreditorId).toBe('FR72ZZZ123456');
      const mandates = (await t.http().get('/api/v1/mandates').set(org.auth).expect(200)).body.data as { status: string; accountId: string }[];
      expect(mandates.map((m) => m.status)).toEqual(['active', 'active']);
      const [batch] = (await t.http().get('/api/v1/sepa/batches').set(org.auth).expect(200)).body.data as { id: string; status: string; count: number }[];
      expect(batch).toMatchObject({ status: 'generated' });
      expect(batch!.count).toBeGreaterThan(0);
      const open = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM sales_documents WHERE company_id = $1 AND type = 'invoice' AND kind = 'invoice' AND balance_due > 0 AND collection_status IS NULL`,
        [org.companyId],
      );
      expect(open[0]!.n).toBeGreaterThan(0);

      expect(await seedBankingDemo(t.app, ctx, org.userId)).toBeNull();
    });
  });

  describe('seedEInvoicingDemo', () => {
    it('enables e-invoicing with the test platform, routes the business customers and validates one in-scope invoice, once', async () => {
      const { org, ctx } = await seededDemo(t, 'Demo facture électronique');
      await seedBankingDemo(t.app, ctx, org.userId);
      // The demo companies of apps/api/src/seed.ts have their head office; a signed-up one has none yet.
      await t.http().patch(`/api/v1/companies/${org.companyId}`).set(org.auth).send({ address: { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' } }).expect(200);

      const seeded = await seedEInvoicingDemo(t.app, ctx);
      expect(seeded!.routedCustomerIds).toHaveLength(2);
      const settings = (await t.http().get('/api/v1/einvoicing/settings').set(org.auth).expect(200)).body;
      expect(settings).toMatchObject({ enabled: true, electronicAddressScheme: '0225', platform: 'fake' });
      const invoice = (await t.http().get(`/api/v1/invoices/${seeded!.invoiceId}`).set(org.auth).expect(200)).body;
      expect(invoice.status).toBe('validated');
      const state = (await t.http().get(`/api/v1/invoices/${seeded!.invoiceId}/einvoice/status`).set(org.auth).expect(200)).body;
      expect(state).toMatchObject({ inScope: true, flow: 'B2B', billingMode: 'S1' });

      expect(await seedEInvoicingDemo(t.app, ctx)).toBeNull();
    });
  });
});
