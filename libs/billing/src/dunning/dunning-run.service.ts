import { Injectable } from '@nestjs/common';
import { companyCalendar } from '@comptoir/org';
import { newId, NotFoundError, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { Mailer } from '@comptoir/platform/notify';
import { DunningEventEntity } from './dunning-event.entity';
import { DunningPlanner, PlannedInvoice } from './dunning-planner';
import { DunningRunEntity } from './dunning-run.entity';
import { DunningStepEntity } from './dunning-step.entity';
import { DunningSetup, DunningStepsService } from './dunning-steps.service';
import { composeDunningMail, DunningMail, loadMailFacts } from './dunning-mail';

/** Why a selected invoice got no mail in a run. */
export const SKIP_REASONS = ['not_open', 'recovery_suspended', 'collection_pending', 'already_planned', 'awaiting_review', 'not_due', 'no_more_steps', 'no_email'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface RunResult {
  run: DunningRunEntity;
  planned: { invoiceId: string; stepId: string; eventId: string }[];
  skipped: { invoiceId: string; reason: SkipReason }[];
}

/** Why an open invoice that is not to dun is not (the first reason that applies). */
export function skipReason(plan: PlannedInvoice): SkipReason {
  if (plan.recoveryStatus) return 'recovery_suspended';
  if (plan.collectionPending) return 'collection_pending';
  if (plan.lastStep?.status === 'uncertain') return 'awaiting_review';
  if (plan.lastStep && plan.lastStep.status !== 'sent') return 'already_planned';
  if (!plan.nextStep) return 'no_more_steps';
  return 'not_due';
}

/**
 * The mass action: for each selected invoice, its next step, planned once. In ONE transaction each
 * (invoice, step) gets its event, inserted ON CONFLICT DO NOTHING on the unique (invoice, step) —
 * a second post, even a concurrent one, plans nothing more — and its mail queued with a Message-ID
 * derived from the pair; the worker then sends each mail at most once (notify's state machine).
 */
@Injectable()
export class DunningRunService {
  constructor(
    private readonly db: TenantDb,
    private readonly planner: DunningPlanner,
    private readonly steps: DunningStepsService,
    private readonly mailer: Mailer,
  ) {}

  start(ctx: TenantContext, input: { invoiceIds: string[]; asOf?: string }): Promise<RunResult> {
    return this.db.transaction(ctx, async (tx) => {
      const setup = await this.steps.setup(tx);
      const asOf = input.asOf ?? (await companyCalendar(tx)).today;
      await assertInvoices(tx, input.invoiceIds);
      const plans = new Map((await this.planner.plan(tx, { asOf, dueSoonDays: setup.dueSoonDays, invoiceIds: input.invoiceIds, scope: 'open' })).map((p) => [p.invoiceId, p]));
      const facts = await loadMailFacts(tx, input.invoiceIds);
      const stepById = new Map(setup.steps.map((s) => [s.id, s]));
      const run = await tx.repo(DunningRunEntity, 'Dunning run').insert({ id: newId(), asOf, requested: input.invoiceIds.length, total: 0, createdBy: actorId(ctx), createdAt: new Date() });
      const result: RunResult = { run, planned: [], skipped: [] };
      for (const invoiceId of input.invoiceIds) {
        const plan = plans.get(invoiceId);
        if (!plan) {
          result.skipped.push({ invoiceId, reason: 'not_open' });
          continue;
        }
        if (!plan.toDun) {
          result.skipped.push({ invoiceId, reason: skipReason(plan) });
          continue;
        }
        const step = stepById.get(plan.nextStep!.id)!;
        const mail = composeDunningMail(plan, facts.get(invoiceId)!, step);
        if (!mail) {
          result.skipped.push({ invoiceId, reason: 'no_email' });
          continue;
        }
        const eventId = await this.plan(tx, run, invoiceId, step, mail, actorId(ctx));
        if (eventId) result.planned.push({ invoiceId, stepId: step.id, eventId });
        else result.skipped.push({ invoiceId, reason: 'already_planned' });
      }
      run.total = result.planned.length;
      await tx.manager.update(DunningRunEntity, { id: run.id, companyId: ctx.companyId }, { total: run.total });
      return result;
    });
  }

  /** The event of one step and its mail; null when that step of that invoice was already planned. */
  private async plan(tx: TenantTx, run: DunningRunEntity, invoiceId: string, step: DunningStepEntity, mail: DunningMail, createdBy: string | null): Promise<string | null> {
    const id = newId();
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(DunningEventEntity)
      .values({ id, organizationId: tx.ctx.organizationId, companyId: tx.ctx.companyId, invoiceId, stepId: step.id, runId: run.id, asOf: run.asOf, mailId: null, messageId: mail.messageId, recipient: mail.to, createdBy })
      .orIgnore()
      .returning('id')
      .execute();
    if (!inserted.raw.length) return null;
    const mailId = await this.mailer.enqueue(tx, mail);
    await tx.manager.update(DunningEventEntity, { id, companyId: tx.ctx.companyId }, { mailId });
    return id;
  }

  /** The dunning screen: open invoices (or only those to dun) as of a date, default the company's today. */
  candidates(ctx: TenantContext, asOf: string | undefined, scope: 'due' | 'open'): Promise<{ asOf: string; setup: DunningSetup; rows: PlannedInvoice[] }> {
    return this.db.transaction(ctx, async (tx) => {
      const setup = await this.steps.setup(tx);
      const day = asOf ?? (await companyCalendar(tx)).today;
      return { asOf: day, setup, rows: await this.planner.plan(tx, { asOf: day, dueSoonDays: setup.dueSoonDays, scope }) };
    });
  }

  /** The mail the next step of an invoice would send as of a date (nothing is planned); nulls when there is no next step. */
  preview(ctx: TenantContext, invoiceId: string, asOf?: string): Promise<{ step: DunningStepEntity | null; dueOn: string | null; mail: DunningMail | null }> {
    return this.db.transaction(ctx, async (tx) => {
      const setup = await this.steps.setup(tx);
      await assertInvoices(tx, [invoiceId]);
      const day = asOf ?? (await companyCalendar(tx)).today;
      const [plan] = await this.planner.plan(tx, { asOf: day, dueSoonDays: setup.dueSoonDays, invoiceIds: [invoiceId], scope: 'open' });
      const step = plan?.nextStep ? setup.steps.find((s) => s.id === plan.nextStep!.id) : undefined;
      if (!plan || !step) return { step: null, dueOn: null, mail: null };
      const facts = (await loadMailFacts(tx, [invoiceId])).get(invoiceId)!;
      return { step, dueOn: plan.nextStep!.dueOn, mail: composeDunningMail(plan, facts, step) };
    });
  }
}

const actorId = (ctx: TenantContext) => (ctx.actor.type === 'system' ? null : ctx.actor.id);

/** Every id must be an invoice of the company: anything else (another tenant's included) is a 404. */
async function assertInvoices(tx: TenantTx, ids: string[]): Promise<void> {
  const found = new Set(
    ((await tx.manager.query(`SELECT id FROM sales_documents WHERE company_id = $1 AND type = 'invoice' AND id = ANY($2::uuid[])`, [tx.ctx.companyId, ids])) as { id: string }[]).map((r) => r.id),
  );
  // The id is not echoed back: an answer must not tell another tenant's id apart from a random one.
  if (ids.some((id) => !found.has(id))) throw new NotFoundError('Invoice');
}

