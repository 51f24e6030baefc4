import { AccountEntity, ContactEntity } from '@comptoir/crm';
import { CompanyEntity, EstablishmentEntity } from '@comptoir/org';
import { ValidationFailedError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';

/**
 * References a document makes to other records of the company. A reference that is absent, deleted
 * or another tenant's is a 400 naming the field: the URL was right, the body was not.
 */
export async function loadCompany(tx: TenantTx): Promise<CompanyEntity> {
  return tx.repo(CompanyEntity, 'Company').getById(tx.ctx.companyId);
}

export async function loadCustomer(tx: TenantTx, accountId: string, path = 'accountId'): Promise<AccountEntity> {
  const account = await tx.repo(AccountEntity, 'Account').query('a').andWhere('a.id = :id', { id: accountId }).andWhere('a.deletedAt IS NULL').getOne();
  if (!account) throw new ValidationFailedError([{ path, message: `${path} is not an account of this company` }]);
  return account;
}

export async function loadContact(tx: TenantTx, contactId: string, accountId: string): Promise<ContactEntity> {
  const contact = await tx.repo(ContactEntity, 'Contact').query('c').andWhere('c.id = :id', { id: contactId }).getOne();
  if (!contact || contact.accountId !== accountId) throw new ValidationFailedError([{ path: 'contactId', message: 'contactId is not a contact of the account' }]);
  return contact;
}

/** The given establishment of the company, or its default one. */
export async function loadEstablishment(tx: TenantTx, establishmentId?: string | null): Promise<EstablishmentEntity> {
  const qb = tx.repo(EstablishmentEntity, 'Establishment').query('e');
  if (establishmentId) qb.andWhere('e.id = :id', { id: establishmentId });
  else qb.andWhere('e.isDefault = true');
  const establishment = await qb.orderBy('e.createdAt').getOne();
  if (!establishment) throw new ValidationFailedError([{ path: 'establishmentId', message: 'establishmentId is not an establishment of this company' }]);
  return establishment;
}

export async function assertCompanyUser(tx: TenantTx, userId: string): Promise<void> {
  const [member] = await tx.manager.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND company_id = $2`, [userId, tx.ctx.companyId]);
  if (!member) throw new ValidationFailedError([{ path: 'assignedUserId', message: 'assignedUserId is not a user of this company' }]);
}
