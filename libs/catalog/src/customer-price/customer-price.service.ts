import { Injectable } from '@nestjs/common';
import { newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { keysetPage, Page } from '@comptoir/platform/http';
import { recordCatalogChange } from '../common/catalog-change';
import { assertProducts, periodProblems, specialPrice } from '../common/price-rules';
import { CreateCustomerPriceDto, ListCustomerPricesQuery, UpdateCustomerPriceDto } from './dto/customer-price.dto';
import { CustomerPriceEntity } from './customer-price.entity';
import { toCustomerPriceDto } from './customer-price.mapper';

const AUDITED = ['accountId', 'productId', 'unitPrice', 'discountPercent', 'validFrom', 'validTo'] as const;

/** Use cases of customer-specific prices. */
@Injectable()
export class CustomerPriceService {
  constructor(private readonly db: TenantDb) {}

  list(ctx: TenantContext, query: ListCustomerPricesQuery): Promise<Page<CustomerPriceEntity>> {
    return this.db.transaction(ctx, (tx) => {
      const qb = repo(tx).query('c');
      if (query.accountId) qb.andWhere('c.accountId = :accountId', { accountId: query.accountId });
      if (query.productId) qb.andWhere('c.productId = :productId', { productId: query.productId });
      if (query.validOn) {
        qb.andWhere('(c.validFrom IS NULL OR c.validFrom <= :validOn) AND (c.validTo IS NULL OR c.validTo >= :validOn)', { validOn: query.validOn });
      }
      if (query.updatedSince) qb.andWhere('c.updatedAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
      const sort = query.sort ?? 'createdAt';
      return keysetPage(qb, { key: `c.${sort.replace('-', '')}`, type: 'timestamptz', descending: sort.startsWith('-'), limit: query.limit ?? 50, cursor: query.cursor });
    });
  }

  get(ctx: TenantContext, id: string): Promise<CustomerPriceEntity> {
    return this.db.transaction(ctx, (tx) => repo(tx).getById(id));
  }

  create(ctx: TenantContext, input: CreateCustomerPriceDto): Promise<CustomerPriceEntity> {
    return this.db.transaction(ctx, (tx) => this.createIn(tx, input));
  }

  update(ctx: TenantContext, id: string, input: UpdateCustomerPriceDto): Promise<CustomerPriceEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const price = await repo(tx).getById(id);
      const before = toCustomerPriceDto(price);
      // Giving one kind of price replaces the other: { discountPercent: "5" } turns a unit price into a discount.
      const priceInput =
        input.unitPrice !== undefined || input.discountPercent !== undefined
          ? { unitPrice: input.unitPrice, discountPercent: input.discountPercent }
          : { unitPrice: price.unitPrice, discountPercent: price.discountPercent };
      Object.assign(price, specialPrice(priceInput));
      if (input.validFrom !== undefined) price.validFrom = input.validFrom;
      if (input.validTo !== undefined) price.validTo = input.validTo;
      const period = periodProblems(price);
      if (period.length) throw new ValidationFailedError(period);
      const changes = diffFields(before as never, toCustomerPriceDto(price) as never, AUDITED);
      if (!Object.keys(changes).length) return price;
      price.updatedAt = new Date();
      await repo(tx).save(price);
      recordCatalogChange(tx, { aggregate: 'customer_price', verb: 'updated', id, changes, resource: toCustomerPriceDto(price) });
      return price;
    });
  }

  delete(ctx: TenantContext, id: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      const price = await repo(tx).getById(id);
      await repo(tx).remove(price);
      const dto = toCustomerPriceDto(price);
      recordCatalogChange(tx, { aggregate: 'customer_price', verb: 'deleted', id, changes: diffFields(dto as never, null, AUDITED), resource: dto });
    });
  }

  async createIn(tx: TenantTx, input: CreateCustomerPriceDto): Promise<CustomerPriceEntity> {
    const prices = specialPrice(input);
    const period = periodProblems(input);
    if (period.length) throw new ValidationFailedError(period);
    const [account] = await tx.manager.query(`SELECT 1 FROM accounts WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL`, [tx.ctx.companyId, input.accountId]);
    if (!account) throw new ValidationFailedError([{ path: 'accountId', message: 'accountId is not an account of this company' }]);
    await assertProducts(tx, [{ id: input.productId, path: 'productId' }]);
    const now = new Date();
    const price = await repo(tx).insert({
      id: newId(),
      accountId: input.accountId,
      productId: input.productId,
      ...prices,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const dto = toCustomerPriceDto(price);
    recordCatalogChange(tx, { aggregate: 'customer_price', verb: 'created', id: price.id, changes: diffFields(null, dto as never, AUDITED), resource: dto });
    return price;
  }
}

function repo(tx: TenantTx): TenantRepository<CustomerPriceEntity> {
  return tx.repo(CustomerPriceEntity, 'Customer price');
}
