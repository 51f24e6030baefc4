import { BusinessRuleError, Dec, toDecimalString, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { OtherTaxDto, ProductSupplierDto } from './dto/product.dto';
import { ProductOtherTax } from './product.entity';

/**
 * Other taxes as stored: canonical decimals, and a category that agrees with the rate (S above 0 %,
 * Z by default at 0 %), so billing can charge them without guessing.
 */
export function normaliseOtherTaxes(taxes: OtherTaxDto[]): ProductOtherTax[] {
  return taxes.map((t, i) => {
    const positive = new Dec(t.vatRate).greaterThan(0);
    const category = t.vatCategory ?? (positive ? 'S' : 'Z');
    if (positive !== (category === 'S')) {
      throw new BusinessRuleError('vat_category_mismatch', 'The rate and category of an other tax do not agree (EN 16931)', [
        { path: `otherTaxes[${i}].vatCategory`, message: positive ? 'a rate above 0 is category S' : 'a 0 % rate is not category S' },
      ]);
    }
    if (t.mode === 'percent' && new Dec(t.value).greaterThan(100)) {
      throw new ValidationFailedError([{ path: `otherTaxes[${i}].value`, message: 'a percent tax is at most 100' }]);
    }
    return { label: t.label, mode: t.mode, value: toDecimalString(t.value, 4), vatRate: toDecimalString(t.vatRate, 2), vatCategory: category };
  });
}

/** Every supplier must be a live account of the company holding the supplier role, each listed once. */
export async function assertSuppliers(tx: TenantTx, suppliers: ProductSupplierDto[]): Promise<void> {
  const ids = suppliers.map((s) => s.supplierAccountId);
  const rows: { id: string }[] = ids.length
    ? await tx.manager.query(`SELECT id FROM accounts WHERE company_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL AND 'supplier' = ANY(roles)`, [
        tx.ctx.companyId,
        ids,
      ])
    : [];
  const known = new Set(rows.map((r) => r.id));
  const errors = ids.flatMap((id, i) =>
    !known.has(id)
      ? [{ path: `suppliers[${i}].supplierAccountId`, message: 'supplierAccountId is not an account of this company with the supplier role' }]
      : ids.indexOf(id) !== i
        ? [{ path: `suppliers[${i}].supplierAccountId`, message: 'this supplier is already listed' }]
        : [],
  );
  if (errors.length) throw new ValidationFailedError(errors);
}
