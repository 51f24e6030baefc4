import { Injectable } from '@nestjs/common';
import { BusinessRuleError, ConflictError, newId, TenantContext, toDecimalString, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { keysetPage, Page, registerUniqueConstraint } from '@comptoir/platform/http';
import { recordCatalogChange } from '../common/catalog-change';
import { CreateVatRateDto, ListVatRatesQuery, UpdateVatRateDto } from './dto/vat-rate.dto';
import { ensureDefaultVatRates } from './vat-rate-defaults';
import { VatRateEntity } from './vat-rate.entity';
import { toVatRateDto } from './vat-rate.mapper';
import { vatCategoryProblems } from './vat-rules';

registerUniqueConstraint('uq_vat_rates_company_rate', 'rate', 'The company already has this rate with this category for this country');

const AUDITED = ['country', 'rate', 'category', 'exemptionReason', 'label', 'active'] as const;
const NOT_NULL = ['country', 'rate', 'label', 'active', 'category'] as const;

/** Country, then rate from highest to lowest, then category: one text key, so the list pages by keyset. */
const ORDER_KEY = `(r.country || to_char(999.99 - r.rate, 'FM000.00') || r.category)`;

/** Use cases of VAT rates: list (seeding the French ones on first use), create, update, delete when unused. */
@Injectable()
export class VatRateService {
  constructor(private readonly db: TenantDb) {}

  list(ctx: TenantContext, query: ListVatRatesQuery): Promise<Page<VatRateEntity>> {
    return this.db.transaction(ctx, async (tx) => {
      await ensureDefaultVatRates(tx);
      const qb = repo(tx).query('r');
      if (query.country) qb.andWhere('r.country = :country', { country: query.country.toUpperCase() });
      if (query.active !== undefined) qb.andWhere('r.active = :active', { active: query.active });
      if (query.updatedSince) qb.andWhere('r.updatedAt >= :updatedSince', { updatedSince: new Date(query.updatedSince) });
      return keysetPage(qb, { key: ORDER_KEY, type: 'text', descending: false, limit: query.limit ?? 50, cursor: query.cursor });
    });
  }

  get(ctx: TenantContext, id: string): Promise<VatRateEntity> {
    return this.db.transaction(ctx, (tx) => repo(tx).getById(id));
  }

  create(ctx: TenantContext, input: CreateVatRateDto): Promise<VatRateEntity> {
    return this.db.transaction(ctx, async (tx) => {
      await ensureDefaultVatRates(tx);
      const now = new Date();
      const values: Partial<VatRateEntity> = {
        id: newId(),
        country: input.country.toUpperCase(),
        rate: toDecimalString(input.rate, 2),
        category: input.category ?? 'S',
        exemptionReason: input.exemptionReason ?? null,
        label: input.label,
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
      };
      assertConsistent(values as VatRateEntity);
      const rate = await repo(tx).insert(values);
      recordCatalogChange(tx, { aggregate: 'vat_rate', verb: 'created', id: rate.id, changes: diffFields(null, rate as never, AUDITED), resource: toVatRateDto(rate) });
      return rate;
    });
  }

  update(ctx: TenantContext, id: string, input: UpdateVatRateDto): Promise<VatRateEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const nulls = NOT_NULL.filter((field) => (input as Record<string, unknown>)[field] === null);
      if (nulls.length) throw new ValidationFailedError(nulls.map((field) => ({ path: field, message: `${field} cannot be null` })));
      const rate = await repo(tx).getById(id);
      const before = { ...rate };
      for (const [key, value] of Object.entries(input)) if (value !== undefined) (rate as unknown as Record<string, unknown>)[key] = value;
      rate.country = rate.country.toUpperCase();
      rate.rate = toDecimalString(rate.rate, 2);
      assertConsistent(rate);
      const changes = diffFields(before as never, rate as never, AUDITED);
      if (!Object.keys(changes).length) return before as VatRateEntity;
      rate.updatedAt = new Date();
      await repo(tx).save(rate);
      recordCatalogChange(tx, { aggregate: 'vat_rate', verb: 'updated', id, changes, resource: toVatRateDto(rate) });
      return rate;
    });
  }

  /** Deletes a rate no product uses; a used one answers 409 vat_rate_in_use (deactivate it instead). */
  delete(ctx: TenantContext, id: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      const rate = await repo(tx).getById(id);
      const [used] = await tx.manager.query(`SELECT 1 FROM products WHERE company_id = $1 AND vat_rate_id = $2 LIMIT 1`, [ctx.companyId, id]);
      if (used) throw new ConflictError('vat_rate_in_use', 'Products use this VAT rate: deactivate it (active: false) instead of deleting it');
      await repo(tx).remove(rate);
      recordCatalogChange(tx, { aggregate: 'vat_rate', verb: 'deleted', id, changes: diffFields(rate as never, null, AUDITED), resource: toVatRateDto(rate) });
    });
  }
}

function repo(tx: TenantTx): TenantRepository<VatRateEntity> {
  return tx.repo(VatRateEntity, 'VAT rate');
}

function assertConsistent(rate: VatRateEntity): void {
  const problems = vatCategoryProblems(rate);
  if (problems.length) throw new BusinessRuleError('vat_category_mismatch', 'The rate, category and exemption reason do not agree (EN 16931)', problems);
}
