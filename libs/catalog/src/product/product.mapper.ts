import { TenantTx } from '@comptoir/platform/database';
import { VatRateEntity } from '../vat-rate/vat-rate.entity';
import { ProductResponseDto } from './dto/product.dto';
import { ProductSupplierEntity } from './product-supplier.entity';
import { ProductEntity } from './product.entity';

/** A product with what its API shape needs besides its own row: its VAT rate and its suppliers. */
export interface ProductView {
  product: ProductEntity;
  vatRate: VatRateEntity;
  suppliers: ProductSupplierEntity[];
}

/** The views of several products in two queries, whatever their number (list pages). */
export async function loadProductViews(tx: TenantTx, products: ProductEntity[]): Promise<ProductView[]> {
  if (!products.length) return [];
  const rateIds = [...new Set(products.map((p) => p.vatRateId))];
  const rates = await tx.repo(VatRateEntity, 'VAT rate').query('r').andWhere('r.id IN (:...rateIds)', { rateIds }).getMany();
  const suppliers = await tx
    .repo(ProductSupplierEntity, 'Product supplier')
    .query('s')
    .andWhere('s.productId IN (:...productIds)', { productIds: products.map((p) => p.id) })
    .orderBy('s.position')
    .getMany();
  const rateById = new Map(rates.map((r) => [r.id, r]));
  return products.map((product) => ({
    product,
    vatRate: rateById.get(product.vatRateId)!,
    suppliers: suppliers.filter((s) => s.productId === product.id),
  }));
}

export function toProductDto({ product: p, vatRate, suppliers }: ProductView): ProductResponseDto {
  return {
    id: p.id,
    reference: p.reference,
    name: p.name,
    description: p.description,
    type: p.type,
    unit: p.unit,
    unitPrice: p.unitPrice,
    vatRateId: p.vatRateId,
    vatRate: vatRate.rate,
    vatCategory: vatRate.category,
    vatExemptionReason: vatRate.exemptionReason,
    costPrice: p.costPrice,
    ean: p.ean,
    imageUrl: p.imageUrl,
    stockManaged: p.stockManaged,
    reorderThreshold: p.reorderThreshold,
    suppliers: suppliers.map((s) => ({
      supplierAccountId: s.supplierAccountId,
      supplierPrice: s.supplierPrice,
      supplierReference: s.supplierReference,
      minimumOrderQuantity: s.minimumOrderQuantity,
    })),
    otherTaxes: p.otherTaxes.map((t) => ({ label: t.label, mode: t.mode, value: t.value, vatRate: t.vatRate, vatCategory: t.vatCategory ?? 'S' })),
    salesAccount: p.salesAccount,
    purchaseAccount: p.purchaseAccount,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
