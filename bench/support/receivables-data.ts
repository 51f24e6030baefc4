// Data of the receivables benchmark (issue 4, item 10), generated in SQL (generate_series, one
// INSERT … SELECT per table) into the benchmark's own database: customers with a bank account and a
// valid SEPA mandate, validated invoices over three years (a third with a two-installment schedule),
// their payments and allocations (most of the history paid, the recent months partly open), kept
// consistent the way SettlementLedger keeps them (paid, balance_due, payment_status, settled_on).
// The same data serves the other sections of the benchmark: aged receivables, dunning (overdue
// invoices), SEPA (open invoices of customers with mandates) and the FEC (invoices and payments).
import { Client } from 'pg';

export interface ReceivablesDataOptions {
  invoices: number;
  customers: number;
  /** YYYY-MM-DD, the company's today: invoices are dated in the three years before it. */
  today: string;
}

export interface TenantIds {
  organizationId: string;
  companyId: string;
  establishmentId: string;
}

export interface ReceivablesDataSummary {
  customers: number;
  invoices: number;
  openInvoices: number;
  openInvoicesWithMandate: number;
  payments: number;
  allocations: number;
  mandates: number;
  seconds: number;
}

const HISTORY_DAYS = 1095;

/**
 * French IBAN of customer `n` (SQL expression): bank 30004, a branch and an 11-digit account from n,
 * the RIB key (97 − (89 × bank + 15 × branch + 3 × account) mod 97) and the ISO 13616 check digits
 * (98 − (BBAN ‖ "FR00" as digits) mod 97).
 */
const IBAN_SQL = `
  WITH parts AS (SELECT c.n, c.id, '30004' AS bank, lpad(((c.n % 99999) + 1)::text, 5, '0') AS branch, lpad(c.n::text, 11, '0') AS account FROM bench_customer c),
  keyed AS (SELECT p.*, lpad((97 - ((89 * p.bank::numeric + 15 * p.branch::numeric + 3 * p.account::numeric) % 97))::text, 2, '0') AS rib_key FROM parts p)
  SELECT k.n, k.id, 'FR' || lpad((98 - (((k.bank || k.branch || k.account || k.rib_key) || '152700')::numeric % 97))::text, 2, '0') || k.bank || k.branch || k.account || k.rib_key AS iban FROM keyed k`;

/** Generates everything for one company; `log` reports each step's duration. */
export async function generateReceivablesData(db: Client, tenant: TenantIds, options: ReceivablesDataOptions, log: (message: string) => void): Promise<ReceivablesDataSummary> {
  const started = performance.now();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const result = await db.query(sql, params);
    log(`${label}: ${result.rowCount ?? 0} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return result;
  };
  const { organizationId: org, companyId: company } = tenant;
  await db.query(`SELECT setseed(0.4242)`);
  await db.query(`SET synchronous_commit = off`);
  // A bulk load of rows consistent by construction: triggers and foreign-key checks off for this session
  // (the legal trigger refuses lines on a validated document, which is what the rows already are).
  await db.query(`SET session_replication_role = replica`);

  await step('customers', `CREATE TEMP TABLE bench_customer AS SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS bank_account_id FROM generate_series(1, $1::int) n`, [options.customers]);
  await db.query(`CREATE UNIQUE INDEX ON bench_customer (n)`);
  await step(
    'accounts',
    `INSERT INTO accounts (id, organization_id, company_id, name, kind, roles, email, billing_address)
     SELECT id, $1, $2, 'Client bench ' || lpad(n::text, 6, '0'), 'company', '{customer}', 'client' || n || '@bench.test',
            jsonb_build_object('line1', n || ' rue du Commerce', 'postalCode', '69003', 'city', 'Lyon', 'country', 'FR')
       FROM bench_customer`,
    [org, company],
  );
  await step(
    'customer bank accounts',
    `INSERT INTO bank_accounts (id, organization_id, company_id, account_id, iban, bic, holder, label, is_default)
     SELECT c.bank_account_id, $1, $2, c.id, i.iban, 'BNPAFRPPXXX', 'Client bench ' || lpad(c.n::text, 6, '0'), 'Compte courant', true
       FROM bench_customer c JOIN (${IBAN_SQL}) i ON i.n = c.n`,
    [org, company],
  );
  let mandates = 0;
  const { present } = (await db.query(`SELECT to_regclass('public.mandates') IS NOT NULL AS present`)).rows[0] as { present: boolean };
  if (present) {
    // Signed two years ago (well inside the 36-month lapse) and already collected once: RCUR.
    const result = await step(
      'SEPA mandates',
      `INSERT INTO mandates (id, organization_id, company_id, account_id, bank_account_id, reference, signed_on, signature_place, type, scheme, status, collection_count, last_collection_on)
       SELECT gen_random_uuid(), $1, $2, c.id, c.bank_account_id, 'RUM-BENCH-' || lpad(c.n::text, 6, '0'), $3::date - 730, 'Lyon', 'recurrent', 'CORE', 'active', 1, $3::date - 40
         FROM bench_customer c`,
      [org, company, options.today],
    );
    mandates = result.rowCount ?? 0;
  }

  // One row per invoice with its fate: paid in full, half paid, or open; older invoices are mostly paid.
  await step(
    'invoice plan',
    `CREATE TEMP TABLE bench_invoice AS
     WITH base AS (
       SELECT g.n, gen_random_uuid() AS id, c.id AS account_id,
              ($3::date - ${HISTORY_DAYS} + (g.n::bigint * ${HISTORY_DAYS} / $1::int)::int) AS date,
              round((20 + random() * 4980)::numeric, 2) AS due, (g.n % 3 = 0) AS two_installments, random() AS fate, random() AS lateness
         FROM generate_series(1, $1::int) g(n) JOIN bench_customer c ON c.n = 1 + (g.n % $2::int)
     ), dated AS (
       SELECT b.*, b.date + CASE WHEN b.two_installments THEN 60 ELSE 30 END AS due_date FROM base b
     ), fated AS (
       SELECT d.*,
              CASE WHEN d.fate < (CASE WHEN $3::date - d.due_date > 60 THEN 0.94 WHEN $3::date - d.due_date > 0 THEN 0.6 ELSE 0.15 END) THEN 'paid'
                   WHEN d.fate < (CASE WHEN $3::date - d.due_date > 60 THEN 0.96 ELSE 0.7 END) THEN 'partial' ELSE 'open' END AS state,
              LEAST($3::date, GREATEST(d.date, d.due_date + (d.lateness * 50)::int - 10)) AS paid_on
         FROM dated d
     )
     SELECT f.*, CASE f.state WHEN 'paid' THEN f.due WHEN 'partial' THEN round(f.due / 2, 2) ELSE 0 END AS paid, gen_random_uuid() AS payment_id FROM fated f`,
    [options.invoices, options.customers, options.today],
  );
  await step(
    'invoices',
    `INSERT INTO sales_documents (id, organization_id, company_id, type, kind, status, number, establishment_id, currency, account_id, date, due_date,
                                  payment_method, payment_terms, schedule, pdf_options, net, vat_total, gross, due, totals, validated_at,
                                  paid, balance_due, payment_status, settled_on)
     SELECT i.id, $1, $2, 'invoice', 'invoice', 'validated', 'FA' || lpad(i.n::text, 8, '0'), $3, 'EUR', i.account_id, i.date, i.due_date,
            'direct_debit', '[]', s.schedule, '{}', t.net, i.due - t.net, i.due, i.due,
            jsonb_build_object('net', t.net::text, 'vat', jsonb_build_array(jsonb_build_object('rate', '20.00', 'category', 'S', 'base', t.net::text, 'amount', (i.due - t.net)::text)),
                               'vatTotal', (i.due - t.net)::text, 'gross', i.due::text, 'deposits', '0.00', 'prepaid', '0.00', 'due', i.due::text),
            i.date::timestamptz, i.paid, i.due - i.paid,
            CASE WHEN i.paid = i.due THEN 'paid' WHEN i.paid > 0 THEN 'partially_paid' ELSE 'unpaid' END,
            CASE WHEN i.paid = i.due THEN i.paid_on END
       FROM bench_invoice i
       CROSS JOIN LATERAL (SELECT round(i.due / 1.2, 2) AS net) t
       CROSS JOIN LATERAL (SELECT CASE WHEN i.two_installments THEN jsonb_build_array(
                 jsonb_build_object('index', 0, 'dueDate', (i.date + 30)::text, 'percent', '30.00', 'amount', round(i.due * 0.3, 2)::text, 'kind', 'payment'),
                 jsonb_build_object('index', 1, 'dueDate', (i.date + 60)::text, 'percent', '70.00', 'amount', (i.due - round(i.due * 0.3, 2))::text, 'kind', 'payment'))
               ELSE '[]'::jsonb END AS schedule) s`,
    [org, company, tenant.establishmentId],
  );
  // One item line each (net at 20 %, a service): what the FEC reads per VAT rate.
  await step(
    'invoice lines',
    `INSERT INTO sales_document_lines (id, organization_id, company_id, document_id, position, kind, product_type, description, quantity, unit_price, vat_rate, net)
     SELECT gen_random_uuid(), $1, $2, i.id, 0, 'item', 'service', 'Prestation de service', 1, round(i.due / 1.2, 2), 20, round(i.due / 1.2, 2) FROM bench_invoice i`,
    [org, company],
  );
  const payments = await step(
    'payments',
    `INSERT INTO payments (id, organization_id, company_id, account_id, direction, date, method, amount, currency, reference, unallocated, status)
     SELECT payment_id, $1, $2, account_id, 'in', paid_on, 'transfer', paid, 'EUR', 'VIR ' || n, 0, 'recorded' FROM bench_invoice WHERE paid > 0`,
    [org, company],
  );
  const allocations = await step(
    'allocations',
    `INSERT INTO payment_allocations (id, organization_id, company_id, source_type, source_id, target_type, target_id, amount, date)
     SELECT gen_random_uuid(), $1, $2, 'payment', payment_id, 'invoice', id, paid, paid_on FROM bench_invoice WHERE paid > 0`,
    [org, company],
  );
  // Vacuumed as a steady-state database is (autovacuum): the visibility map lets index-only scans skip the heap.
  await step('vacuum', `VACUUM ANALYZE sales_documents, sales_document_lines, payments, payment_allocations, accounts, bank_accounts${present ? ', mandates' : ''}`);
  const [counts] = (
    await db.query(
      `SELECT count(*) FILTER (WHERE paid < due)::int AS open, count(*) FILTER (WHERE paid < due AND $1)::int AS open_with_mandate FROM bench_invoice`,
      [present],
    )
  ).rows as { open: number; open_with_mandate: number }[];
  await db.query(`DROP TABLE bench_invoice; DROP TABLE bench_customer; SET session_replication_role = origin`);
  return {
    customers: options.customers,
    invoices: options.invoices,
    openInvoices: counts!.open,
    openInvoicesWithMandate: counts!.open_with_mandate,
    payments: payments.rowCount ?? 0,
    allocations: allocations.rowCount ?? 0,
    mandates,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
