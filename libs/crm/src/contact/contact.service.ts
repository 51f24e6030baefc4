import { Injectable } from '@nestjs/common';
import { newId, NotFoundError, TenantContext } from '@comptoir/platform/kernel';
import { diffFields, TenantDb, TenantRepository, TenantTx } from '@comptoir/platform/database';
import { Page, registerUniqueConstraint } from '@comptoir/platform/http';
import { findLiveAccount, loadLiveAccount } from '../account/account-lookup';
import { listContacts } from './contact-list';
import { ContactEntity } from './contact.entity';
import { CONTACT_CREATED, CONTACT_DELETED, CONTACT_UPDATED, ContactEventPayload } from './contact.events';
import { toContactDto } from './contact.mapper';
import { CreateContactDto, UpdateContactDto } from './dto/contact.dto';
import { ListAccountContactsQuery, ListContactsQuery } from './dto/list-contacts.query';

const AUDITED = ['accountId', 'civility', 'firstName', 'lastName', 'jobTitle', 'email', 'phone', 'mobile', 'isPrimary', 'notes'] as const;

export const CONTACT_PRIMARY_CONSTRAINT = 'uq_contacts_account_primary';
registerUniqueConstraint(CONTACT_PRIMARY_CONSTRAINT, 'isPrimary', 'The account already has a primary contact');

/**
 * Use cases of contacts, the people at an account: create under a live account, read, list, update,
 * delete. An account has at most one primary contact: making one primary clears the others.
 */
@Injectable()
export class ContactService {
  constructor(private readonly db: TenantDb) {}

  create(ctx: TenantContext, accountId: string, input: CreateContactDto): Promise<ContactEntity> {
    return this.db.transaction(ctx, async (tx) => {
      await loadLiveAccount(tx, accountId);
      const id = newId();
      if (input.isPrimary) await this.clearOtherPrimaries(tx, accountId, id);
      const now = new Date();
      const contact = await this.repo(tx).insert({
        id,
        accountId,
        civility: null,
        firstName: null,
        jobTitle: null,
        email: null,
        phone: null,
        mobile: null,
        isPrimary: false,
        notes: null,
        ...normalise(input),
        createdAt: now,
        updatedAt: now,
      });
      tx.audit({ entity: 'contact', entityId: contact.id, action: 'create', changes: diffFields(null, contact as never, AUDITED) });
      this.emit(tx, CONTACT_CREATED, contact, []);
      return contact;
    });
  }

  get(ctx: TenantContext, id: string): Promise<ContactEntity> {
    return this.db.transaction(ctx, (tx) => this.load(tx, id));
  }

  /** The contacts of one account; 404 when the account is absent, deleted or another tenant's. */
  listForAccount(ctx: TenantContext, accountId: string, query: ListAccountContactsQuery): Promise<Page<ContactEntity>> {
    return this.db.transaction(ctx, async (tx) => {
      await loadLiveAccount(tx, accountId);
      return listContacts(this.repo(tx).query('c'), { ...query, accountId });
    });
  }

  list(ctx: TenantContext, query: ListContactsQuery): Promise<Page<ContactEntity>> {
    return this.db.transaction(ctx, (tx) => listContacts(this.repo(tx).query('c'), query));
  }

  update(ctx: TenantContext, id: string, input: UpdateContactDto): Promise<ContactEntity> {
    return this.db.transaction(ctx, async (tx) => {
      const contact = await this.load(tx, id);
      if (input.isPrimary && !contact.isPrimary) await this.clearOtherPrimaries(tx, contact.accountId, contact.id);
      const before = { ...contact };
      Object.assign(contact, normalise(input));
      const changes = diffFields(before as never, contact as never, AUDITED);
      if (!Object.keys(changes).length) return contact;
      contact.updatedAt = new Date();
      await this.repo(tx).save(contact);
      tx.audit({ entity: 'contact', entityId: contact.id, action: 'update', changes });
      this.emit(tx, CONTACT_UPDATED, contact, Object.keys(changes));
      return contact;
    });
  }

  /** Deletes the contact; the activities about it stay on the account's timeline, without the contact. */
  delete(ctx: TenantContext, id: string): Promise<void> {
    return this.db.transaction(ctx, async (tx) => {
      const contact = await this.load(tx, id);
      await tx.manager.query(`UPDATE activities SET contact_id = NULL, updated_at = now() WHERE company_id = $1 AND contact_id = $2`, [tx.ctx.companyId, id]);
      await this.repo(tx).remove(contact);
      tx.audit({ entity: 'contact', entityId: id, action: 'delete', changes: diffFields(contact as never, null, AUDITED) });
      this.emit(tx, CONTACT_DELETED, contact, []);
    });
  }

  private repo(tx: TenantTx): TenantRepository<ContactEntity> {
    return tx.repo(ContactEntity, 'Contact');
  }

  /** A contact of a live account of the caller's company, or 404. */
  private async load(tx: TenantTx, id: string): Promise<ContactEntity> {
    const contact = await this.repo(tx).getById(id);
    if (!(await findLiveAccount(tx, contact.accountId))) throw new NotFoundError('Contact');
    return contact;
  }

  /**
   * Clears the primary flag on the account's other contacts, each audited and announced. A lock on the
   * account serialises concurrent promotions; the partial unique index is the backstop.
   */
  private async clearOtherPrimaries(tx: TenantTx, accountId: string, keepId: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`contact-primary:${accountId}`]);
    const others = await this.repo(tx).query('c').andWhere('c.accountId = :accountId AND c.isPrimary AND c.id <> :keepId', { accountId, keepId }).getMany();
    for (const other of others) {
      other.isPrimary = false;
      other.updatedAt = new Date();
      await this.repo(tx).save(other);
      tx.audit({ entity: 'contact', entityId: other.id, action: 'update', changes: { isPrimary: { from: true, to: false } } });
      this.emit(tx, CONTACT_UPDATED, other, ['isPrimary']);
    }
  }

  private emit(tx: TenantTx, name: string, contact: ContactEntity, changed: string[]): void {
    const payload: ContactEventPayload = { contact: toContactDto(contact), changed };
    tx.emit({ name, aggregateType: 'contact', aggregateId: contact.id, payload: payload as unknown as Record<string, unknown> });
  }
}

function normalise(input: UpdateContactDto): Partial<ContactEntity> {
  const out: Partial<ContactEntity> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  if (input.email) out.email = input.email.toLowerCase();
  return out;
}
