import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { companyCalendar } from '@comptoir/org';
import { Dec, toDecimalString } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { systemContextFor } from '@comptoir/platform/queue';
import { DunningPlanner } from './dunning-planner';
import { DunningSettingsEntity } from './dunning-settings.entity';
import { DunningStepsService } from './dunning-steps.service';

export interface Digest {
  on: string;
  count: number;
  amount: string;
}

/**
 * The daily digest of the scheduled job: for every company, how many invoices are to dun as of its
 * today and for how much, recorded on its dunning settings (the dunning screen shows it). Rerunning
 * it the same day only refreshes the figures.
 */
@Injectable()
export class DunningDigestService {
  private readonly logger = new Logger(DunningDigestService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly planner: DunningPlanner,
    private readonly steps: DunningStepsService,
  ) {}

  /**
   * Every company that uses dunning (it has its settings row), across organisations: the migration's
   * SECURITY DEFINER function crosses row-level security for this one list of ids.
   */
  async runAll(): Promise<number> {
    const companies = (await this.dataSource.query(`SELECT organization_id, company_id FROM dunning_digest_companies()`)) as { organization_id: string; company_id: string }[];
    for (const c of companies) {
      const ctx = systemContextFor({ organizationId: c.organization_id, companyId: c.company_id, id: `dunning-digest:${c.company_id}` });
      await this.db.transaction(ctx, (tx) => this.record(tx)).catch((error: Error) => this.logger.warn(`dunning digest of company ${c.company_id} failed: ${error.message}`));
    }
    return companies.length;
  }

  async record(tx: TenantTx): Promise<Digest> {
    const settings = await this.steps.ensureDefaults(tx);
    const on = (await companyCalendar(tx)).today;
    const due = await this.planner.candidates(tx, on, { dueSoonDays: settings.dueSoonDays });
    const digest = { on, count: due.length, amount: toDecimalString(due.reduce((sum, p) => sum.plus(p.due), new Dec(0))) };
    await tx.manager.update(DunningSettingsEntity, { id: settings.id, companyId: tx.ctx.companyId }, { digestOn: digest.on, digestCount: digest.count, digestAmount: digest.amount });
    return digest;
  }
}
