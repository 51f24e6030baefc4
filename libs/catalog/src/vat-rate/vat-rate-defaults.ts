import { newId } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import type { VatCategoryCode } from '@comptoir/billing-engine';

interface DefaultRate {
  rate: string;
  category: VatCategoryCode;
  label: string;
  exemptionReason: string | null;
}

/** The French rates (CGI art. 278 to 281 nonies) and the usual 0 % cases with their invoice mentions. */
export const FRENCH_VAT_RATES: readonly DefaultRate[] = [
  { rate: '20.00', category: 'S', label: 'TVA 20 %', exemptionReason: null },
  { rate: '10.00', category: 'S', label: 'TVA 10 %', exemptionReason: null },
  { rate: '5.50', category: 'S', label: 'TVA 5,5 %', exemptionReason: null },
  { rate: '2.10', category: 'S', label: 'TVA 2,1 %', exemptionReason: null },
  { rate: '0.00', category: 'Z', label: 'Taux zéro', exemptionReason: null },
  { rate: '0.00', category: 'E', label: 'Franchise en base', exemptionReason: 'TVA non applicable, art. 293 B du CGI' },
  { rate: '0.00', category: 'AE', label: 'Autoliquidation', exemptionReason: 'Autoliquidation' },
  { rate: '0.00', category: 'K', label: 'Livraison intracommunautaire', exemptionReason: 'Exonération de TVA, article 262 ter I du CGI' },
  { rate: '0.00', category: 'G', label: 'Exportation hors UE', exemptionReason: 'Exonération de TVA, article 262 I du CGI' },
];

/**
 * Gives a company the French rates the first time its catalog is used (listing rates, creating a rate or
 * a product), rather than at company creation: the org lib sits below the catalog and must not know it,
 * and companies that existed before the catalog get them the same way. "First time" means the company
 * has no VAT rate at all: rates it deactivated or deleted later stay so (unless it deletes every one of
 * them, and then the French set is what it needs again). Concurrent first uses insert the same rows;
 * ON CONFLICT on the (company, country, rate, category) key makes the loser a no-op, not an error.
 */
export async function ensureDefaultVatRates(tx: TenantTx): Promise<void> {
  const [any] = await tx.manager.query(`SELECT 1 FROM vat_rates WHERE company_id = $1 LIMIT 1`, [tx.ctx.companyId]);
  if (any) return;
  const values: unknown[] = [];
  const rows = FRENCH_VAT_RATES.map((r, i) => {
    values.push(newId(), tx.ctx.organizationId, tx.ctx.companyId, r.rate, r.category, r.label, r.exemptionReason);
    const p = i * 7;
    return `($${p + 1}::uuid, $${p + 2}::uuid, $${p + 3}::uuid, 'FR', $${p + 4}::numeric, $${p + 5}, $${p + 6}, $${p + 7})`;
  });
  await tx.manager.query(
    `INSERT INTO vat_rates (id, organization_id, company_id, country, rate, category, label, exemption_reason)
     VALUES ${rows.join(', ')} ON CONFLICT (company_id, country, rate, category) DO NOTHING`,
    values,
  );
}
