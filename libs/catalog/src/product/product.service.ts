import { Injectable } from '@nestjs/common';
import { newId, TenantContext, toDecimalString, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { Page, registerUniqueConstraint } from '@comptoir/platform/http';
import { recordCatalogChange } from '../common/catalog-change';
import { resolveVatRate } from '../vat-rate/vat-rate-lookup';
import { CreateProductDto, ProductResponseDto, ProductSupplierDto, UpdateProductDto } from './dto/product.dto';
import { ListProductsQuery } from './dto/list-products.query';
import { assertSuppliers, normaliseOtherTaxes } from './product-inputs';
import { listProducts } from './product-list';
import { loadProductViews, ProductView, toProductDto } from './product.mapper';
import { ProductSupplierEntity } from './product-supplier.entity';
import { ProductEntity } from './product.entity';

registerUniqueConstraint('uq_products_company_reference', 'reference', 'Another product of the company has this reference');

/** Fields of the API shape that the audit trail and the events' `changed` list follow. */
const AUDITED = [
  'reference', 'name', 'description', 'type', 'unit', 'unitPrice', 'vatRateId', 'costPrice', 'ean', 'imageUrl', 'stockManaged',
  'reorderThreshold', 'suppliers', 'otherTaxes', 'salesAccount', 'purchaseAccount', 'active',
] as const;

/** Fields a PATCH may not clear with null (the others accept null to clear them). */
const NOT_NULL = ['reference', 'name', 'type', 'unit', 'unitPrice', 'vatRate', 'vatCategory', 'vatRateId', 'stockManaged', 'suppliers', 'otherTaxes', 'active'] as const;

/** Plain columns copied from the request as given (decimals are normalised separately). */
const PLAIN = ['reference', 'name', 'description', 'type', 'unit', 'ean', 'imageUrl', 'stockManaged', 'salesAccount', 'purchaseAccount', 'active'] as const;
const DECIMALS = ['unitPrice', 'costPrice', 'reorderThreshold'] as const;

/** Use cases of products and services: create, read, list and search, update, archive. */
@Injectable()
export class ProductService {
  constructor(private readonly db: TenantDb) {}

  create(ctx: TenantContext, input: CreateProductDto): Promise<ProductView> {
    return this.db.transaction(ctx, (tx) => this.createIn(tx, input));
  }

  get(ctx: TenantContext, id: string): Promise<ProductView> {
    return this.db.transaction(ctx, (tx) => this.loadView(tx, id));
  }

  list(ctx: TenantContext, query: ListProductsQuery): Promise<{ data: ProductView[]; nextCursor: string | null }> {
    return this.db.transaction(ctx, async (tx) => {
      const page: Page<ProductEntity> = await listProducts(repo(tx).query('p'), query);
      return { data: await loadProductViews(tx, page.data), nextCursor: page.nextCursor };
    });
  }

  update(ctx: TenantContext, id: string, input: UpdateProductDto): Promise<ProductView> {
    return this.db.transaction(ctx, async (tx) => {
      const nulls = NOT_NULL.filter((field) => (input as Record<string, unknown>)[field] === null);
      if (nulls.length) throw new ValidationFailedError(nulls.map((field) => ({ path: field, message: `${field} cannot be null` })));
      const view = await this.loadView(tx, id);
      const before = toProductDto(view);
      const product = view.product;
      Object.assign(product, columnsOf(input));
      if (input.vatRateId || input.vatRate || input.vatCategory) {
        const rate = await resolveVatRate(tx, {
          vatRateId: input.vatRateId,
          vatRate: input.vatRateId ? undefined : (input.vatRate ?? view.vatRate.rate),
          vatCategory: input.vatCategory ?? (input.vatRate ? undefined : view.vatRate.category),
        });
        product.vatRateId = rate.id;
        view.vatRate = rate;
      }
      if (input.suppliers) view.suppliers = await this.replaceSuppliers(tx, product.id, input.suppliers);
      return this.saveIfChanged(tx, view, before);
    });
  }

  /** Archives the product (active: false): documents keep pointing at it, new lines refuse it. */
  archive(ctx: TenantContext, id: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      const view = await this.loadView(tx, id);
      const before = toProductDto(view);
      view.product.active = false;
      await this.saveIfChanged(tx, view, before, 'archived');
    });
  }

  /** Creation inside the caller's transaction (the demo seed creates many products in one). */
  async createIn(tx: TenantTx, input: CreateProductDto): Promise<ProductView> {
    const rate = await resolveVatRate(tx, input);
    const now = new Date();
    const product = await repo(tx).insert({
      id: newId(),
      description: null, type: 'service', costPrice: null, ean: null, imageUrl: null, stockManaged: false, reorderThreshold: null,
      salesAccount: null, purchaseAccount: null, active: true, otherTaxes: [],
      ...columnsOf(input),
      vatRateId: rate.id,
      createdAt: now,
      updatedAt: now,
    });
    const suppliers = await this.replaceSuppliers(tx, product.id, input.suppliers ?? []);
    const view: ProductView = { product, vatRate: rate, suppliers };
    const dto = toProductDto(view);
    recordCatalogChange(tx, { aggregate: 'product', verb: 'created', id: product.id, changes: diffFields(null, dto as never, AUDITED), resource: dto });
    return view;
  }

  async loadView(tx: TenantTx, id: string): Promise<ProductView> {
    const [view] = await loadProductViews(tx, [await repo(tx).getById(id)]);
    return view!;
  }

  private async saveIfChanged(tx: TenantTx, view: ProductView, before: ProductResponseDto, verb: 'updated' | 'archived' = 'updated'): Promise<ProductView> {
    const changes = diffFields(before as never, toProductDto(view) as never, AUDITED);
    if (!Object.keys(changes).length) return view;
    view.product.updatedAt = new Date();
    await repo(tx).save(view.product);
    const dto = toProductDto(view);
    recordCatalogChange(tx, { aggregate: 'product', verb, id: view.product.id, changes, resource: dto });
    return view;
  }

  private async replaceSuppliers(tx: TenantTx, productId: string, input: ProductSupplierDto[]): Promise<ProductSupplierEntity[]> {
    await assertSuppliers(tx, input);
    await tx.manager.query(`DELETE FROM product_suppliers WHERE company_id = $1 AND product_id = $2`, [tx.ctx.companyId, productId]);
    const suppliers = tx.repo(ProductSupplierEntity, 'Product supplier');
    const rows: ProductSupplierEntity[] = [];
    for (const [position, s] of input.entries()) {
      rows.push(
        await suppliers.insert({
          id: newId(),
          productId,
          position,
          supplierAccountId: s.supplierAccountId,
          supplierPrice: toDecimalString(s.supplierPrice, 4),
          supplierReference: s.supplierReference ?? null,
          minimumOrderQuantity: s.minimumOrderQuantity == null ? null : toDecimalString(s.minimumOrderQuantity, 4),
        }),
      );
    }
    return rows;
  }
}

function repo(tx: TenantTx): TenantRepository<ProductEntity> {
  return tx.repo(ProductEntity, 'Product');
}

/** The product columns a create or update request sets, decimals in their stored form. */
function columnsOf(input: UpdateProductDto): Partial<ProductEntity> {
  const out: Record<string, unknown> = {};
  for (const key of PLAIN) if (input[key] !== undefined) out[key] = input[key];
  for (const key of DECIMALS) if (input[key] !== undefined) out[key] = input[key] === null ? null : toDecimalString(input[key]!, 4);
  if (input.otherTaxes) out['otherTaxes'] = normaliseOtherTaxes(input.otherTaxes);
  return out as Partial<ProductEntity>;
}
