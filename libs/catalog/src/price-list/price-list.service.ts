import { Injectable } from '@nestjs/common';
import { newId, NotFoundError, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { escapeLike, keysetPage } from '@comptoir/platform/http';
import { recordCatalogChange } from '../common/catalog-change';
import { assertProducts, periodProblems, specialPrice } from '../common/price-rules';
import { CreatePriceListDto, PriceListItemDto, PriceListResponseDto, UpdatePriceListDto, ListPriceListsQuery } from './dto/price-list.dto';
import { PriceListItemEntity } from './price-list-item.entity';
import { PriceListEntity } from './price-list.entity';
import { toPriceListDto } from './price-list.mapper';

const AUDITED = ['name', 'currency', 'validFrom', 'validTo', 'active', 'items'] as const;
const NOT_NULL = ['name', 'currency', 'active', 'items'] as const;

export interface PriceListView {
  list: PriceListEntity;
  items: PriceListItemEntity[];
}

/** Use cases of price lists: CRUD with their items (replaced as a whole), and the number of items per list. */
@Injectable()
export class PriceListService {
  constructor(private readonly db: TenantDb) {}

  list(ctx: TenantContext, query: ListPriceListsQuery): Promise<{ data: { list: PriceListEntity; itemCount: number }[]; nextCursor: string | null }> {
    return this.db.transaction(ctx, async (tx) => {
      const qb = repo(tx).query('l');
      if (query.q?.trim()) qb.andWhere(`comptoir_fold(l.name) LIKE '%' || comptoir_fold(:q) || '%'`, { q: escapeLike(query.q.trim()) });
      if (query.updatedSince) qb.andWhere('l.updatedAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
      const page = await keysetPage(qb, { key: 'l.name', type: 'text', descending: false, limit: query.limit ?? 50, cursor: query.cursor });
      const counts: { price_list_id: string; n: number }[] = page.data.length
        ? await tx.manager.query(`SELECT price_list_id, count(*)::int AS n FROM price_list_items WHERE company_id = $1 AND price_list_id = ANY($2::uuid[]) GROUP BY price_list_id`, [
            ctx.companyId,
            page.data.map((l) => l.id),
          ])
        : [];
      const byList = new Map(counts.map((c) => [c.price_list_id, c.n]));
      return { data: page.data.map((list) => ({ list, itemCount: byList.get(list.id) ?? 0 })), nextCursor: page.nextCursor };
    });
  }

  get(ctx: TenantContext, id: string): Promise<PriceListView> {
    return this.db.transaction(ctx, (tx) => this.load(tx, id));
  }

  create(ctx: TenantContext, input: CreatePriceListDto): Promise<PriceListView> {
    return this.db.transaction(ctx, (tx) => this.createIn(tx, input));
  }

  update(ctx: TenantContext, id: string, input: UpdatePriceListDto): Promise<PriceListView> {
    return this.db.transaction(ctx, async (tx) => {
      const nulls = NOT_NULL.filter((field) => (input as Record<string, unknown>)[field] === null);
      if (nulls.length) throw new ValidationFailedError(nulls.map((field) => ({ path: field, message: `${field} cannot be null` })));
      const view = await this.load(tx, id);
      const before = toPriceListDto(view.list, view.items);
      for (const key of ['name', 'validFrom', 'validTo', 'active'] as const) if (input[key] !== undefined) (view.list as unknown as Record<string, unknown>)[key] = input[key];
      if (input.currency) view.list.currency = input.currency.toUpperCase();
      const period = periodProblems(view.list);
      if (period.length) throw new ValidationFailedError(period);
      if (input.items) view.items = await this.replaceItems(tx, id, input.items);
      const after = toPriceListDto(view.list, view.items);
      const changes = diffFields(before as never, after as never, AUDITED);
      if (!Object.keys(changes).length) return view;
      view.list.updatedAt = new Date();
      await repo(tx).save(view.list);
      recordCatalogChange(tx, { aggregate: 'price_list', verb: 'updated', id, changes, resource: toPriceListDto(view.list, view.items) });
      return view;
    });
  }

  /** Deletes the list, its items and its assignments: those customers buy at catalog prices again. */
  delete(ctx: TenantContext, id: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      const view = await this.load(tx, id);
      const before: PriceListResponseDto = toPriceListDto(view.list, view.items);
      await repo(tx).remove(view.list);
      recordCatalogChange(tx, { aggregate: 'price_list', verb: 'deleted', id, changes: diffFields(before as never, null, AUDITED), resource: before });
    });
  }

  async createIn(tx: TenantTx, input: CreatePriceListDto): Promise<PriceListView> {
    const period = periodProblems(input);
    if (period.length) throw new ValidationFailedError(period);
    const now = new Date();
    const list = await repo(tx).insert({
      id: newId(),
      name: input.name,
      currency: input.currency?.toUpperCase() ?? (await companyCurrency(tx)),
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
    });
    const items = await this.replaceItems(tx, list.id, input.items ?? []);
    const dto = toPriceListDto(list, items);
    recordCatalogChange(tx, { aggregate: 'price_list', verb: 'created', id: list.id, changes: diffFields(null, dto as never, AUDITED), resource: dto });
    return { list, items };
  }

  async load(tx: TenantTx, id: string): Promise<PriceListView> {
    const list = await repo(tx).getById(id);
    const items = await tx.repo(PriceListItemEntity, 'Price list item').query('i').andWhere('i.priceListId = :id', { id }).orderBy('i.productId').getMany();
    return { list, items };
  }

  private async replaceItems(tx: TenantTx, priceListId: string, input: PriceListItemDto[]): Promise<PriceListItemEntity[]> {
    const duplicates = input.flatMap((item, i) => (input.findIndex((other) => other.productId === item.productId) !== i ? [{ path: `items[${i}].productId`, message: 'this product is already in the list' }] : []));
    if (duplicates.length) throw new ValidationFailedError(duplicates);
    const prices = input.map((item, i) => specialPrice(item, `items[${i}].`));
    await assertProducts(tx, input.map((item, i) => ({ id: item.productId, path: `items[${i}].productId` })));
    await tx.manager.query(`DELETE FROM price_list_items WHERE company_id = $1 AND price_list_id = $2`, [tx.ctx.companyId, priceListId]);
    const items = input.map((item, i) =>
      tx.repo(PriceListItemEntity, 'Price list item').create({ id: newId(), priceListId, productId: item.productId, ...prices[i]! }),
    );
    if (items.length) await tx.manager.insert(PriceListItemEntity, items);
    return items.sort((a, b) => a.productId.localeCompare(b.productId));
  }
}

function repo(tx: TenantTx): TenantRepository<PriceListEntity> {
  return tx.repo(PriceListEntity, 'Price list');
}

async function companyCurrency(tx: TenantTx): Promise<string> {
  const [row] = await tx.manager.query(`SELECT currency FROM companies WHERE id = $1`, [tx.ctx.companyId]);
  if (!row) throw new NotFoundError('Company');
  return row.currency as string;
}
