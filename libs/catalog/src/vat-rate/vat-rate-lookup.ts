import { Dec, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { ensureDefaultVatRates } from './vat-rate-defaults';
import type { VatCategoryCode } from '@comptoir/billing-engine';
import { VatRateEntity } from './vat-rate.entity';

export interface VatRateChoice {
  vatRateId?: string | null;
  vatRate?: string | null;
  vatCategory?: VatCategoryCode | null;
}

/**
 * The active VAT rate a product points to, named either by id or by value (`"20.00"`, with
 * `vatCategory` to tell the 0 % cases apart: Z, E, AE, K, G). A value found in several countries
 * resolves to the company's own country (its head-office address, France by default). Anything that
 * does not name exactly one active rate of the company is a 400 on the field at fault.
 */
export async function resolveVatRate(tx: TenantTx, choice: VatRateChoice): Promise<VatRateEntity> {
  await ensureDefaultVatRates(tx);
  const repo = tx.repo(VatRateEntity, 'VAT rate');
  if (choice.vatRateId) {
    const byId = await repo.query('r').andWhere('r.id = :id', { id: choice.vatRateId }).andWhere('r.active').getOne();
    if (!byId) throw new ValidationFailedError([{ path: 'vatRateId', message: 'vatRateId is not an active VAT rate of this company' }]);
    return byId;
  }
  if (!choice.vatRate) throw new ValidationFailedError([{ path: 'vatRate', message: 'vatRate (e.g. "20.00") or vatRateId is required' }]);
  const zero = new Dec(choice.vatRate).isZero();
  if (zero && !choice.vatCategory) {
    throw new ValidationFailedError([{ path: 'vatCategory', message: 'a 0 % rate needs vatCategory (Z, E, AE, K or G) to say why no VAT is charged' }]);
  }
  const candidates = await repo
    .query('r')
    .andWhere('r.rate = CAST(:rate AS numeric)', { rate: choice.vatRate })
    .andWhere('r.category = :category', { category: choice.vatCategory ?? 'S' })
    .andWhere('r.active')
    .getMany();
  const home = await homeCountry(tx);
  const chosen = candidates.length === 1 ? candidates[0] : candidates.find((r) => r.country === home);
  if (!chosen) {
    const message = candidates.length
      ? `vatRate ${choice.vatRate} exists in several countries: name it with vatRateId`
      : `vatRate ${choice.vatRate} (category ${choice.vatCategory ?? 'S'}) is not an active VAT rate of this company (see GET /api/v1/vat-rates)`;
    throw new ValidationFailedError([{ path: 'vatRate', message }]);
  }
  return chosen;
}

async function homeCountry(tx: TenantTx): Promise<string> {
  const [row] = await tx.manager.query(`SELECT address->>'country' AS country FROM companies WHERE id = $1`, [tx.ctx.companyId]);
  return (row?.country as string | undefined)?.toUpperCase() ?? 'FR';
}
