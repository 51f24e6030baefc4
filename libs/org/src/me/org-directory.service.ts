import { Injectable } from '@nestjs/common';
import { newId, NotFoundError, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { UserEntity } from '@comptoir/platform/auth';
import { systemContextFor } from '@comptoir/platform/queue';
import { CompanyEntity } from '../company/company.entity';
import { OrganizationEntity } from '../organization/organization.entity';

export interface CallerCompany {
  id: string;
  legalName: string;
  role: string | null;
}

/** Read side of the organisation for the session and `/me`: names, default company, switchable companies. */
@Injectable()
export class OrgDirectory {
  constructor(private readonly db: TenantDb) {}

  async defaultsFor(user: UserEntity): Promise<{ organization: OrganizationEntity; company: CompanyEntity }> {
    const ctx = systemContextFor({ organizationId: user.organizationId, companyId: null, id: newId() });
    return this.db.transaction(ctx, async (tx) => {
      const organization = await tx.manager.findOneByOrFail(OrganizationEntity, { id: user.organizationId });
      const [first] = await tx.manager.query(`SELECT company_id FROM memberships WHERE user_id = $1 ORDER BY created_at, company_id LIMIT 1`, [user.id]);
      if (!first) throw new NotFoundError('Company');
      const company = await tx.manager.findOneByOrFail(CompanyEntity, { id: first.company_id });
      return { organization, company };
    });
  }

  async describe(ctx: TenantContext): Promise<{ organization: OrganizationEntity; company: CompanyEntity; companies: CallerCompany[]; email: string | null }> {
    return this.db.transaction(ctx, async (tx) => {
      const organization = await tx.manager.findOneByOrFail(OrganizationEntity, { id: ctx.organizationId });
      const company = await tx.repo(CompanyEntity, 'Company').getById(ctx.companyId);
      if (ctx.actor.type !== 'user') return { organization, company, companies: [{ id: company.id, legalName: company.legalName, role: null }], email: null };
      const rows: { id: string; legal_name: string; role: string }[] = await tx.manager.query(
        `SELECT c.id, c.legal_name, m.role FROM memberships m JOIN companies c ON c.id = m.company_id
         WHERE m.user_id = $1 ORDER BY m.created_at, c.id`,
        [ctx.actor.id],
      );
      const [user] = await tx.manager.query(`SELECT email FROM users WHERE id = $1`, [ctx.actor.id]);
      return { organization, company, companies: rows.map((r) => ({ id: r.id, legalName: r.legal_name, role: r.role })), email: user?.email ?? null };
    });
  }
}
