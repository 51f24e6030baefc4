import { INestApplicationContext } from '@nestjs/common';
import { companyCalendar } from '@comptoir/org';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { DunningDigestService } from './dunning-digest.service';
import { DunningHistoryService } from './dunning-history.service';
import { DunningPlanner } from './dunning-planner';
import { DunningRunService } from './dunning-run.service';
import { DunningStepsService } from './dunning-steps.service';

/**
 * Demo dunning for a company whose invoices are seeded (after the payments): the default steps, the
 * oldest overdue invoice flagged disputed, the first reminder sent to the next two (the worker mails
 * them to the dev catcher), and today's digest — so the dunning screen opens on a history, a
 * suspended invoice and the rest still to dun.
 */
export async function seedDunningDemo(app: INestApplicationContext, ctx: TenantContext): Promise<{ planned: number } | null> {
  const db = app.get(TenantDb);
  const due = await db.transaction(ctx, async (tx) => {
    await app.get(DunningStepsService).ensureDefaults(tx);
    return app.get(DunningPlanner).candidates(tx, (await companyCalendar(tx)).today);
  });
  if (!due.length) return null;
  const [disputed, ...rest] = due;
  await app.get(DunningHistoryService).setRecoveryStatus(ctx, disputed!.invoiceId, 'disputed');
  const run = rest.length ? await app.get(DunningRunService).start(ctx, { invoiceIds: rest.slice(0, 2).map((p) => p.invoiceId) }) : null;
  await db.transaction(ctx, (tx) => app.get(DunningDigestService).record(tx));
  return { planned: run?.planned.length ?? 0 };
}
