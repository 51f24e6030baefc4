import { FieldError, toDecimalString, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';

/** Exactly one of unitPrice and discountPercent, in stored form; field errors under `prefix` otherwise. */
export function specialPrice(input: { unitPrice?: string | null; discountPercent?: string | null }, prefix = ''): { unitPrice: string | null; discountPercent: string | null } {
  const hasPrice = input.unitPrice != null;
  const hasDiscount = input.discountPercent != null;
  if (hasPrice === hasDiscount) {
    throw new ValidationFailedError([{ path: `${prefix}unitPrice`, message: 'give either unitPrice or discountPercent, not both or neither' }]);
  }
  return {
    unitPrice: hasPrice ? toDecimalString(input.unitPrice!, 4) : null,
    discountPercent: hasDiscount ? toDecimalString(input.discountPercent!, 2) : null,
  };
}

/** validFrom must not come after validTo. */
export function periodProblems(period: { validFrom?: string | null; validTo?: string | null }, prefix = ''): FieldError[] {
  return period.validFrom && period.validTo && period.validFrom > period.validTo ? [{ path: `${prefix}validTo`, message: 'validTo must not be before validFrom' }] : [];
}

/** Each referenced product must be one of the caller's company; 400 naming the path of each one that is not. */
export async function assertProducts(tx: TenantTx, refs: { id: string; path: string }[]): Promise<void> {
  if (!refs.length) return;
  const rows: { id: string }[] = await tx.manager.query(`SELECT id FROM products WHERE company_id = $1 AND id = ANY($2::uuid[])`, [
    tx.ctx.companyId,
    refs.map((r) => r.id),
  ]);
  const known = new Set(rows.map((r) => r.id));
  const errors = refs.filter((r) => !known.has(r.id)).map((r) => ({ path: r.path, message: 'productId is not a product of this company' }));
  if (errors.length) throw new ValidationFailedError(errors);
}
