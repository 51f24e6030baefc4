import { Injectable } from '@nestjs/common';
import { newId } from '@comptoir/platform/kernel';
import { TenantDb } from '@comptoir/platform/database';
import { IssuedSession, UserAccountService, UserEntity } from '@comptoir/platform/auth';
import { systemContextFor } from '@comptoir/platform/queue';
import { CompanyEntity } from '../company/company.entity';
import { CompanyService } from '../company/company.service';
import { OrganizationEntity } from '../organization/organization.entity';
import { SignupDto } from './auth.dto';

export interface SignupResult {
  user: UserEntity;
  organization: OrganizationEntity;
  company: CompanyEntity;
  session: IssuedSession;
}

/** Signup creates, in one transaction, the organisation, its first company and establishment, and its admin. */
@Injectable()
export class SignupService {
  constructor(
    private readonly db: TenantDb,
    private readonly companies: CompanyService,
    private readonly users: UserAccountService,
  ) {}

  async signup(input: SignupDto): Promise<SignupResult> {
    const organizationId = newId();
    const companyId = newId();
    const { user, organization, company } = await this.db.transaction(systemContextFor({ organizationId, companyId, id: organizationId }), async (tx) => {
      const organization = tx.manager.create(OrganizationEntity, { id: organizationId, name: input.organizationName });
      await tx.manager.insert(OrganizationEntity, organization);
      const company = await this.companies.insertCompany(tx.manager, organizationId, input.company, companyId);
      const user = await this.users.createUser(tx.manager, { organizationId, companyId: company.id, email: input.email, name: input.name, password: input.password, role: 'admin' });
      tx.emit({ name: 'org.organization.created', aggregateType: 'organization', aggregateId: organizationId, payload: { name: organization.name, companyId: company.id } });
      tx.audit({ entity: 'organization', entityId: organizationId, action: 'create', changes: { name: { from: null, to: organization.name } } });
      return { user, organization, company };
    });
    return { user, organization, company, session: await this.users.login(user) };
  }
}
