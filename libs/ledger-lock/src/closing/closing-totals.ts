import { Dec } from '@comptoir/platform/kernel';
import type { TenantTx } from '@comptoir/platform/database';
import { PeriodTotals, TOTALLED_KINDS, TotalledKind, VatTotal } from './closing.types';

/** Credit notes carry positive amounts (EN 16931); their effect on totals is by kind. */
const SIGN: Record<TotalledKind, 1 | -1> = { invoice: 1, deposit: 1, credit_note: -1 };

interface KindRow {
  kind: TotalledKind;
  count: number;
  net: string;
  gross: string;
}

interface VatRow {
  kind: TotalledKind;
  rate: string;
  category: string;
  base: string;
  amount: string;
}

/**
 * Totals of the documents sealed in the journal with a record date in [from, to] (from null: since the
 * beginning). Read from the sealed payloads themselves (their top-level `totals`: net, vat[], gross),
 * summed by PostgreSQL in numeric, so a closing states what the chain proves.
 */
export async function journalTotals(tx: TenantTx, from: string | null, to: string): Promise<PeriodTotals> {
  const params = [tx.ctx.companyId, TOTALLED_KINDS, from, to];
  const range = `e.company_id = $1 AND e.kind = ANY($2) AND ($3::date IS NULL OR e.record_date >= $3::date) AND e.record_date <= $4::date`;
  const kinds = (await tx.manager.query(
    `SELECT e.kind, count(*)::int AS count, coalesce(sum((e.payload->'totals'->>'net')::numeric), 0)::text AS net,
            coalesce(sum((e.payload->'totals'->>'gross')::numeric), 0)::text AS gross
       FROM ledger_entries e WHERE ${range} GROUP BY e.kind`,
    params,
  )) as KindRow[];
  const vat = (await tx.manager.query(
    `SELECT e.kind, v->>'rate' AS rate, coalesce(v->>'category', 'S') AS category,
            sum((v->>'base')::numeric)::text AS base, sum((v->>'amount')::numeric)::text AS amount
       FROM ledger_entries e CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.payload->'totals'->'vat', '[]'::jsonb)) v
      WHERE ${range}
      GROUP BY e.kind, v->>'rate', coalesce(v->>'category', 'S')`,
    params,
  )) as VatRow[];
  return combine(kinds, vat);
}

function combine(kinds: KindRow[], vatRows: VatRow[]): PeriodTotals {
  const count = Object.fromEntries(TOTALLED_KINDS.map((kind) => [kind, 0])) as Record<TotalledKind, number>;
  let net = new Dec(0);
  let gross = new Dec(0);
  for (const row of kinds) {
    count[row.kind] = row.count;
    net = net.plus(new Dec(row.net).times(SIGN[row.kind]));
    gross = gross.plus(new Dec(row.gross).times(SIGN[row.kind]));
  }
  const vat = new Map<string, { rate: string; category: string; base: Dec; amount: Dec }>();
  for (const row of vatRows) {
    const rate = new Dec(row.rate).toFixed(2);
    const key = `${rate}|${row.category}`;
    const line = vat.get(key) ?? { rate, category: row.category, base: new Dec(0), amount: new Dec(0) };
    line.base = line.base.plus(new Dec(row.base).times(SIGN[row.kind]));
    line.amount = line.amount.plus(new Dec(row.amount).times(SIGN[row.kind]));
    vat.set(key, line);
  }
  const vatTotals: VatTotal[] = [...vat.values()]
    .sort((a, b) => new Dec(b.rate).comparedTo(a.rate) || a.category.localeCompare(b.category))
    .map((line) => ({ rate: line.rate, category: line.category, base: line.base.toFixed(2), amount: line.amount.toFixed(2) }));
  return { count, net: net.toFixed(2), vat: vatTotals, gross: gross.toFixed(2) };
}
