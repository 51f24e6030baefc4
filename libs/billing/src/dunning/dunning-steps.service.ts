import { Injectable } from '@nestjs/common';
import { newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_DUNNING_STEPS, DunningStepInput } from './dunning-defaults';
import { DunningSettingsEntity } from './dunning-settings.entity';
import { DunningStepEntity } from './dunning-step.entity';
import { unknownMergeFields } from './merge-fields';

export interface DunningSetup {
  dueSoonDays: number;
  steps: DunningStepEntity[];
  digest: { on: string; count: number; amount: string } | null;
  updatedAt: Date;
}

export interface DunningSetupInput {
  dueSoonDays?: number;
  steps: (DunningStepInput & { id?: string | null })[];
}

/** A company's dunning steps and settings: the default sequence until first changed (seeded lazily, once). */
@Injectable()
export class DunningStepsService {
  constructor(private readonly db: TenantDb) {}

  get(ctx: TenantContext): Promise<DunningSetup> {
    return this.db.transaction(ctx, (tx) => this.setup(tx));
  }

  ensureDefaults(tx: TenantTx): Promise<DunningSettingsEntity> {
    return ensureDunningDefaults(tx);
  }

  async setup(tx: TenantTx): Promise<DunningSetup> {
    const settings = await this.ensureDefaults(tx);
    return {
      dueSoonDays: settings.dueSoonDays,
      steps: await this.liveSteps(tx),
      digest: settings.digestOn ? { on: settings.digestOn, count: settings.digestCount ?? 0, amount: settings.digestAmount ?? '0.00' } : null,
      updatedAt: settings.updatedAt,
    };
  }

  liveSteps(tx: TenantTx): Promise<DunningStepEntity[]> {
    return tx.repo(DunningStepEntity, 'Dunning step').query('s').andWhere('s.archivedAt IS NULL').orderBy('s.position').getMany();
  }

  /**
   * Replaces the sequence: listed steps with an id are updated, new ones created, missing ones archived
   * (their history stays). Steps already sent keep their id, so a renamed step is not sent again.
   */
  replace(ctx: TenantContext, input: DunningSetupInput): Promise<DunningSetup> {
    return this.db.transaction(ctx, async (tx) => {
      assertTemplates(input.steps);
      const settings = await this.ensureDefaults(tx);
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dunning-settings:${ctx.companyId}`]);
      const repo = tx.repo(DunningStepEntity, 'Dunning step');
      const before = await this.liveSteps(tx);
      const known = new Map(before.map((s) => [s.id, s]));
      input.steps.forEach((step, index) => {
        if (step.id && !known.has(step.id)) throw new ValidationFailedError([{ path: `steps[${index}].id`, message: 'steps[].id must be one of the company’s live steps (omit it for a new step)' }]);
      });
      const now = new Date();
      const kept = new Set<string>();
      for (const [index, step] of input.steps.entries()) {
        const { id, ...fields } = step;
        const values = { ...fields, feeNote: fields.feeNote ?? null, position: index + 1, updatedAt: now };
        if (id) {
          kept.add(id);
          await tx.manager.update(DunningStepEntity, { id, companyId: ctx.companyId }, values);
        } else {
          await repo.insert({ id: newId(), ...values, archivedAt: null, createdAt: now });
        }
      }
      const archived = before.filter((s) => !kept.has(s.id)).map((s) => s.id);
      if (archived.length) await tx.manager.query(`UPDATE dunning_steps SET archived_at = now() WHERE company_id = $1 AND id = ANY($2::uuid[])`, [ctx.companyId, archived]);
      if (input.dueSoonDays !== undefined) await tx.manager.update(DunningSettingsEntity, { id: settings.id, companyId: ctx.companyId }, { dueSoonDays: input.dueSoonDays, updatedAt: now });
      const after = await this.setup(tx);
      tx.audit({
        entity: 'dunning_steps',
        entityId: ctx.companyId,
        action: 'update',
        changes: { steps: { from: before.map(describe), to: after.steps.map(describe) }, ...(input.dueSoonDays !== undefined && input.dueSoonDays !== settings.dueSoonDays ? { dueSoonDays: { from: settings.dueSoonDays, to: input.dueSoonDays } } : {}) },
      });
      return after;
    });
  }
}

/** The settings row, created with the default steps the first time a company uses dunning (one SELECT afterwards). */
export async function ensureDunningDefaults(tx: TenantTx): Promise<DunningSettingsEntity> {
  const repo = tx.repo(DunningSettingsEntity, 'Dunning settings');
  const existing = await repo.query('s').getOne();
  if (existing) return existing;
  await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dunning-settings:${tx.ctx.companyId}`]);
  const raced = await repo.query('s').getOne();
  if (raced) return raced;
  await repo.insert({ id: newId(), dueSoonDays: DEFAULT_DUE_SOON_DAYS, digestOn: null, digestCount: null, digestAmount: null, updatedAt: new Date() });
  const steps = tx.repo(DunningStepEntity, 'Dunning step');
  for (const [index, step] of DEFAULT_DUNNING_STEPS.entries()) await steps.insert({ id: newId(), position: index + 1, ...step, archivedAt: null });
  return (await repo.query('s').getOne())!;
}

const describe = (s: DunningStepEntity) => ({ id: s.id, name: s.name, delayDays: s.delayDays, attachPdf: s.attachPdf });

function assertTemplates(steps: DunningSetupInput['steps']): void {
  const errors = steps.flatMap((step, index) =>
    (['subject', 'body'] as const).flatMap((field) =>
      unknownMergeFields(step[field]).map((name) => ({ path: `steps[${index}].${field}`, message: `Unknown merge field {{${name}}}` })),
    ),
  );
  if (errors.length) throw new ValidationFailedError(errors);
}
