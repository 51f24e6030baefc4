/**
 * The two cursors of the FEC export, one row per entry, each already carrying everything its entry
 * needs (customer, line groups, lettering, VAT to move) so the export holds one page in memory, never
 * the year. Parameters: $1 company, $2 fiscal year start, $3 end, $4 the company's time zone.
 */

/**
 * Invoices and deposit invoices of the year settled by its end get a lettering code: the n-th of its
 * customer, in date order. Both cursors compute the same numbers, so they agree without sharing state.
 */
const LETTERED = `
  lettered AS (
    SELECT id, settled_on, (row_number() OVER (PARTITION BY account_id ORDER BY date, validated_at, id) - 1)::int AS letter
    FROM sales_documents
    WHERE company_id = $1 AND type = 'invoice' AND kind IN ('invoice', 'deposit') AND status IN ('validated', 'done') AND NOT test_mode
      AND date BETWEEN $2 AND $3 AND settled_on <= $3
  )`;

/** Item lines of document `doc` per rate, product type, catalog account and deposit deduction (SaleLineGroup[]). */
const lineGroups = (doc: string) => `
  (SELECT coalesce(json_agg(json_build_object('rate', g.rate, 'type', g.type, 'productAccount', g.account, 'deposit', g.deposit, 'net', g.net)), '[]')
   FROM (SELECT l.vat_rate::text AS rate, l.product_type AS type, p.sales_account AS account, l.deposit_invoice_id IS NOT NULL AS deposit, sum(l.net)::text AS net
         FROM sales_document_lines l LEFT JOIN products p ON p.company_id = l.company_id AND p.id = l.product_id
         WHERE l.company_id = ${doc}.company_id AND l.document_id = ${doc}.id AND l.kind = 'item'
         GROUP BY 1, 2, 3, 4) g)`;

/**
 * Validated invoices, deposit invoices and credit notes dated in the year (not TEST mode), in date order.
 * The documents are sorted narrow, and only then is each one's JSON of line groups and the kind of the
 * invoice a credit note corrects looked up (index probes): those run page by page as the cursor is
 * fetched, while the previous page is being written, instead of all before the first row.
 */
export const SALES_CURSOR = `
  WITH ${LETTERED}
  SELECT d.kind, d.number, d.date::text AS date, d."validDate", d."accountId", d."accountName", d.gross, d.vat,
         coalesce((SELECT c.kind = 'deposit' FROM sales_documents c WHERE c.company_id = d.company_id AND c.id = d.credited_invoice_id), false) AS "creditsDeposit",
         d.letter, d."settledOn", ${lineGroups('d')} AS lines
  FROM (
    SELECT d.id, d.company_id, d.credited_invoice_id, d.validated_at, d.kind, d.number, d.date,
           to_char(coalesce(d.validated_at AT TIME ZONE $4, d.date), 'YYYY-MM-DD') AS "validDate",
           d.account_id AS "accountId", a.name AS "accountName", d.gross::text AS gross, d.totals->'vat' AS vat,
           coalesce(own.letter, credited.letter) AS letter, coalesce(own.settled_on, credited.settled_on)::text AS "settledOn"
    FROM sales_documents d
    JOIN accounts a ON a.company_id = d.company_id AND a.id = d.account_id
    LEFT JOIN lettered own ON own.id = d.id
    LEFT JOIN lettered credited ON credited.id = d.credited_invoice_id
    WHERE d.company_id = $1 AND d.type = 'invoice' AND d.status IN ('validated', 'done') AND NOT d.test_mode AND d.date BETWEEN $2 AND $3
    ORDER BY d.date, d.validated_at, d.id
  ) d
  ORDER BY d.date, d.validated_at, d.id`;

/**
 * Settlements of invoices by payments (credit notes settle through their own sales entry), with the
 * running total paid on the invoice before and after each one: the VAT on receipts it makes due.
 */
const SETTLEMENTS = `
  settlements AS (
    SELECT pa.source_id, pa.target_id, pa.date, pa.amount, pa.reverses_id IS NOT NULL AS reversal,
           sum(pa.amount) OVER (PARTITION BY pa.target_id ORDER BY pa.date, pa.created_at, pa.id) AS paid_after
    FROM payment_allocations pa
    WHERE pa.company_id = $1 AND pa.source_type = 'payment' AND pa.target_type = 'invoice' AND pa.date <= $3
  )`;

/**
 * Per payment dated in the year (the only event that letters), pre-aggregated once (joined by hash,
 * never re-scanned per row): its lettered parts — restricted to those payments so that the cost
 * follows the year, not the whole history of allocations. With VAT on receipts, VAT_SETTLEMENTS gives
 * the invoices each dated group of its settlements pays, with what the VAT move needs
 * (BankRow['settlements']).
 */
const LETTERED_PARTS = `
  lettered_parts AS (
    SELECT t.source_id, json_agg(json_build_object('amount', t.amount::text, 'letter', l.letter, 'settledOn', l.settled_on::text) ORDER BY l.letter) AS parts
    FROM (SELECT source_id, target_id, sum(amount) AS amount FROM settlements
          WHERE source_id IN (SELECT id FROM events WHERE event = 'payment') GROUP BY 1, 2 HAVING sum(amount) > 0) t
    JOIN lettered l ON l.id = t.target_id
    GROUP BY t.source_id
  )`;

/** The numbers of the invoices payment `m."paymentId"` settles (not its reversals), probed by index once the movements are sorted. */
const INVOICE_NUMBERS = `
  coalesce((SELECT array_agg(DISTINCT i.number ORDER BY i.number)
            FROM payment_allocations pa JOIN sales_documents i ON i.company_id = pa.company_id AND i.id = pa.target_id
            WHERE pa.company_id = $1 AND pa.source_id = m."paymentId" AND pa.source_type = 'payment' AND pa.target_type = 'invoice'
              AND pa.date <= $3 AND pa.reverses_id IS NULL), '{}')`;

/**
 * With VAT on receipts, the settlements dated in the year, grouped per payment, date and kind
 * (reversals apart), as narrow arrays in the order of the entry: invoice, paid before, paid after.
 * What the VAT move needs from each invoice (BankRow['settlements']: gross, VAT breakdown, line groups)
 * is looked up by VAT_SETTLEMENTS_JSON once the movements are sorted, page by page.
 */
const VAT_SETTLEMENTS = `,
  vat_settlements AS (
    SELECT s.source_id, s.date, s.reversal,
           array_agg(s.target_id ORDER BY s.target_id, s.paid_after) AS invoices,
           array_agg((s.paid_after - s.amount)::text ORDER BY s.target_id, s.paid_after) AS paid_before,
           array_agg(s.paid_after::text ORDER BY s.target_id, s.paid_after) AS paid_after
    FROM settlements s
    WHERE s.date BETWEEN $2 AND $3
    GROUP BY s.source_id, s.date, s.reversal
  )`;

const VAT_SETTLEMENTS_JSON = `
  coalesce((SELECT json_agg(json_build_object('gross', i.gross::text, 'vat', i.totals->'vat', 'lines', ${lineGroups('i')},
                                              'paidBefore', x.paid_before, 'paidAfter', x.paid_after) ORDER BY x.n)
            FROM unnest(m.invoices, m.paid_before, m.paid_after) WITH ORDINALITY AS x(invoice, paid_before, paid_after, n)
            JOIN sales_documents i ON i.company_id = $1 AND i.id = x.invoice), '[]')`;

/**
 * Customer credit applied to invoices after the payment date: the settlements (not reversals) dated in
 * the year later than their payment, read from the allocations' date index rather than from the
 * `settlements` window over the whole history (whose row estimate made PostgreSQL probe every payment).
 */
const ALLOCATION_EVENTS = `
    UNION ALL
    SELECT DISTINCT 'allocation', pa.source_id, pa.date
    FROM payment_allocations pa JOIN payments p ON p.company_id = $1 AND p.id = pa.source_id
    WHERE pa.company_id = $1 AND pa.source_type = 'payment' AND pa.target_type = 'invoice' AND pa.reverses_id IS NULL
      AND pa.date BETWEEN $2 AND $3 AND pa.date > p.date`;

/**
 * Bank movements dated in the year, in date order: every payment and refund, every cancellation (on its
 * own date), and — with VAT on receipts — customer credit applied to invoices after the payment date.
 * A payment's VAT moves are its settlements dated on the event: on the payment date (not reversals),
 * on a later allocation date, or the reversals dated on its cancellation. The invoice numbers of each
 * movement are looked up after the sort, page by page as the cursor is fetched.
 */
export const bankCursor = (vatOnReceipts: boolean) => `
  WITH ${LETTERED}, ${SETTLEMENTS}${vatOnReceipts ? VAT_SETTLEMENTS : ''},
  events AS (
    SELECT 'payment' AS event, p.id, p.date AS at FROM payments p WHERE p.company_id = $1 AND p.date BETWEEN $2 AND $3
    UNION ALL
    SELECT 'cancellation', p.id, p.cancelled_on FROM payments p WHERE p.company_id = $1 AND p.status = 'cancelled' AND p.cancelled_on BETWEEN $2 AND $3
    ${vatOnReceipts ? ALLOCATION_EVENTS : ''}
  ), ${LETTERED_PARTS}
  SELECT m.event, m.date, m.direction, m."paymentDate", m.amount, m.reference, m."paymentId", m."validDate", m."bankAccountId", m."bankLabel",
         m."accountId", m."accountName", ${INVOICE_NUMBERS} AS "invoiceNumbers", m.lettered,
         ${vatOnReceipts ? VAT_SETTLEMENTS_JSON : `'[]'::json`} AS settlements
  FROM (
    SELECT e.event, e.at, p.created_at, e.at::text AS date, p.direction, p.date::text AS "paymentDate", p.amount::text AS amount, p.reference, p.id AS "paymentId",
           to_char(greatest(e.at, (p.created_at AT TIME ZONE $4)::date), 'YYYY-MM-DD') AS "validDate",
           p.bank_account_id AS "bankAccountId", b.label AS "bankLabel", p.account_id AS "accountId", a.name AS "accountName",
           CASE WHEN e.event = 'payment' AND p.direction = 'in' THEN coalesce(lp.parts, '[]') ELSE '[]' END AS lettered
           ${vatOnReceipts ? `, v.invoices, v.paid_before, v.paid_after` : ''}
    FROM events e
    JOIN payments p ON p.company_id = $1 AND p.id = e.id
    JOIN accounts a ON a.company_id = p.company_id AND a.id = p.account_id
    LEFT JOIN bank_accounts b ON b.company_id = p.company_id AND b.id = p.bank_account_id
    LEFT JOIN lettered_parts lp ON lp.source_id = p.id
    ${vatOnReceipts ? `LEFT JOIN vat_settlements v ON v.source_id = p.id AND v.date = e.at AND v.reversal = (e.event = 'cancellation')` : ''}
    ORDER BY e.at, p.created_at, p.id, e.event DESC
  ) m
  ORDER BY m.at, m.created_at, m."paymentId", m.event DESC`;
