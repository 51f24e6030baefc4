import { Injectable } from '@nestjs/common';
import { BusinessRuleError, ConflictError, FieldError, newId, TenantContext, ValidationFailedError } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { Page } from '@comptoir/platform/http';
import { findLiveAccount, loadLiveAccount } from '../account/account-lookup';
import { ContactEntity } from '../contact/contact.entity';
import { companyTimeZone, countActivities, listAgenda, listTimeline, resolveRange } from './activity-list';
import { ActivitySchedule, resolveSchedule } from './activity-schedule';
import { ActivityStats, buildActivityStats } from './activity-stats';
import { ActivityEntity } from './activity.entity';
import { ACTIVITY_COMPLETED, ACTIVITY_CREATED, ACTIVITY_DELETED, ACTIVITY_UPDATED, ActivityEventPayload } from './activity.events';
import { toActivityDto } from './activity.mapper';
import { CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import { ActivityStatsQuery, ListAccountActivitiesQuery, ListActivitiesQuery } from './dto/list-activities.query';

const AUDITED = ['kind', 'type', 'title', 'notes', 'userId', 'accountId', 'contactId', 'startsAt', 'endsAt', 'dueOn', 'doneAt'] as const;

/** Who and what an activity is about. */
interface ActivityLinks {
  userId: string | null;
  accountId: string | null;
  contactId: string | null;
}

export interface ActivityStatsResult extends ActivityStats {
  from: Date;
  to: Date;
}

/**
 * Use cases of the agenda: events and tasks of the company's users, optionally about an account and
 * one of its contacts. Comptoir's own `system` timeline entries are read-only here.
 */
@Injectable()
export class ActivityService {
  constructor(private readonly db: TenantDb) {}

  create(ctx: TenantContext, input: CreateActivityDto): Promise<ActivityEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const { schedule, errors } = resolveSchedule(null, input);
      const links = await this.checkLinks(
        tx,
        { userId: input.userId ?? (ctx.actor.type === 'user' ? ctx.actor.id : null), accountId: input.accountId ?? null, contactId: input.contactId ?? null },
        { user: true, account: true, contact: true },
        errors,
      );
      if (errors.length) throw new ValidationFailedError(errors);
      const now = new Date();
      const activity = await this.repo(tx).insert({
        id: newId(),
        type: input.type,
        title: input.title,
        notes: input.notes ?? null,
        ...links,
        ...schedule,
        sourceEventId: null,
        createdAt: now,
        updatedAt: now,
      });
      tx.audit({ entity: 'activity', entityId: activity.id, action: 'create', changes: diffFields(null, activity as never, AUDITED) });
      this.emit(tx, ACTIVITY_CREATED, activity, []);
      return activity;
    });
  }

  get(ctx: TenantContext, id: string): Promise<ActivityEntity> {
    return this.db.transaction(ctx, (tx) => this.repo(tx).getById(id));
  }

  /** The agenda of the company's users (system entries only when asked for by type). */
  list(ctx: TenantContext, query: ListActivitiesQuery): Promise<Page<ActivityEntity>> {
    return this.db.transaction(ctx, async (tx) => {
      const timeZone = await companyTimeZone(tx);
      const range = await resolveRange(tx, timeZone, query.from, query.to);
      return listAgenda(this.repo(tx).query('a'), query, range, timeZone);
    });
  }

  /** An account's timeline, newest first; 404 when the account is absent, deleted or another tenant's. */
  timeline(ctx: TenantContext, accountId: string, query: ListAccountActivitiesQuery): Promise<Page<ActivityEntity>> {
    return this.db.transaction(ctx, async (tx) => {
      await loadLiveAccount(tx, accountId);
      return listTimeline(this.repo(tx).query('a'), accountId, query);
    });
  }

  stats(ctx: TenantContext, query: ActivityStatsQuery): Promise<ActivityStatsResult> {
    return this.db.transaction(ctx, async (tx) => {
      const range = await resolveRange(tx, await companyTimeZone(tx), query.from, query.to);
      const rows = await countActivities(this.repo(tx).query('a'), range, { userId: query.userId, accountId: query.accountId });
      return { from: range.fromInstant!, to: range.toInstant!, ...buildActivityStats(rows) };
    });
  }

  update(ctx: TenantContext, id: string, input: UpdateActivityDto): Promise<ActivityEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const activity = await this.loadWritable(tx, id);
      const { schedule, errors } = resolveSchedule(scheduleOf(activity), input);
      const merged: ActivityLinks = {
        userId: input.userId ?? activity.userId,
        accountId: input.accountId === undefined ? activity.accountId : input.accountId,
        contactId: input.contactId === undefined ? activity.contactId : input.contactId,
      };
      const links = await this.checkLinks(
        tx,
        merged,
        { user: input.userId !== undefined, account: input.accountId !== undefined, contact: input.contactId !== undefined || input.accountId !== undefined },
        errors,
      );
      if (errors.length) throw new ValidationFailedError(errors);
      const before = { ...activity };
      if (input.type !== undefined) activity.type = input.type;
      if (input.title !== undefined) activity.title = input.title;
      if (input.notes !== undefined) activity.notes = input.notes;
      Object.assign(activity, links, schedule);
      return this.saveChanges(tx, activity, before, ACTIVITY_UPDATED);
    });
  }

  /** Marks a task done (once: completing it again changes nothing). Events cannot be completed. */
  complete(ctx: TenantContext, id: string): Promise<ActivityEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const activity = await this.loadTask(tx, id, 'completed');
      if (activity.doneAt) return activity;
      const before = { ...activity };
      activity.doneAt = new Date();
      return this.saveChanges(tx, activity, before, ACTIVITY_COMPLETED);
    });
  }

  /** Marks a completed task as still to do. */
  reopen(ctx: TenantContext, id: string): Promise<ActivityEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const activity = await this.loadTask(tx, id, 'reopened');
      if (!activity.doneAt) return activity;
      const before = { ...activity };
      activity.doneAt = null;
      return this.saveChanges(tx, activity, before, ACTIVITY_UPDATED);
    });
  }

  delete(ctx: TenantContext, id: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      const activity = await this.loadWritable(tx, id);
      await this.repo(tx).remove(activity);
      tx.audit({ entity: 'activity', entityId: id, action: 'delete', changes: diffFields(activity as never, null, AUDITED) });
      this.emit(tx, ACTIVITY_DELETED, activity, []);
    });
  }

  private repo(tx: TenantTx): TenantRepository<ActivityEntity> {
    return tx.repo(ActivityEntity, 'Activity');
  }

  /** The caller's activity, unless it is one of Comptoir's own timeline entries. */
  private async loadWritable(tx: TenantTx, id: string): Promise<ActivityEntity> {
    const activity = await this.repo(tx).getById(id);
    if (activity.type === 'system') throw new ConflictError('system_activity_read_only', 'Timeline entries written by Comptoir cannot be changed or deleted');
    return activity;
  }

  private async loadTask(tx: TenantTx, id: string, verb: string): Promise<ActivityEntity> {
    const activity = await this.loadWritable(tx, id);
    if (activity.kind !== 'task') throw new BusinessRuleError('not_a_task', `Only tasks can be ${verb}; this activity is an event`);
    return activity;
  }

  private async saveChanges(tx: TenantTx, activity: ActivityEntity, before: ActivityEntity, event: string): Promise<ActivityEntity> {
    const changes = diffFields(before as never, activity as never, AUDITED);
    if (!Object.keys(changes).length) return activity;
    activity.updatedAt = new Date();
    await this.repo(tx).save(activity);
    tx.audit({ entity: 'activity', entityId: activity.id, action: 'update', changes });
    this.emit(tx, event, activity, Object.keys(changes));
    return activity;
  }

  /**
   * The user must be a member of the company, the account a live account of it, the contact one of
   * that account's contacts (the account defaults to the contact's). Only the links a request sets are
   * checked, so an activity stays editable after its account is deleted. Problems are added to `errors`.
   */
  private async checkLinks(
    tx: TenantTx,
    links: ActivityLinks,
    check: { user: boolean; account: boolean; contact: boolean },
    errors: FieldError[],
  ): Promise<ActivityLinks> {
    const out = { ...links };
    if (check.user) {
      if (!out.userId) {
        errors.push({ path: 'userId', message: 'userId is required when an API key writes an activity' });
      } else {
        const [member] = await tx.manager.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND company_id = $2`, [out.userId, tx.ctx.companyId]);
        if (!member) errors.push({ path: 'userId', message: 'userId is not a user of this company' });
      }
    }
    let accountOk = true;
    if (check.account && out.accountId && !(await findLiveAccount(tx, out.accountId))) {
      errors.push({ path: 'accountId', message: 'accountId is not an account of this company' });
      accountOk = false;
    }
    if (check.contact && out.contactId) {
      const contact = await tx.repo(ContactEntity, 'Contact').findById(out.contactId);
      if (!contact || !(await findLiveAccount(tx, contact.accountId))) {
        errors.push({ path: 'contactId', message: 'contactId is not a contact of this company' });
      } else if (!out.accountId) {
        out.accountId = contact.accountId;
      } else if (accountOk && contact.accountId !== out.accountId) {
        errors.push({ path: 'contactId', message: `contactId is not a contact of account ${out.accountId}` });
      }
    }
    return out;
  }

  private emit(tx: TenantTx, name: string, activity: ActivityEntity, changed: string[]): void {
    const payload: ActivityEventPayload = { activity: toActivityDto(activity), changed };
    tx.emit({ name, aggregateType: 'activity', aggregateId: activity.id, payload: payload as unknown as Record<string, unknown> });
  }
}

function scheduleOf(a: ActivityEntity): ActivitySchedule {
  return { kind: a.kind, startsAt: a.startsAt, endsAt: a.endsAt, dueOn: a.dueOn, doneAt: a.doneAt };
}
