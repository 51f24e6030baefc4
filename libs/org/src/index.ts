export * from './org.module';
export * from './company/company.entity';
export * from './company/company.service';
export * from './company/company-calendar';
export * from './company/company.dto';
export * from './establishment/establishment.entity';
export * from './establishment/establishment.service';
export * from './sector/sector.entity';
export * from './sector/sector.service';
export * from './organization/organization.entity';
export * from './auth/signup.service';
export * from './auth/auth.dto';
export * from './me/org-directory.service';

import { CompanyEntity } from './company/company.entity';
import { EstablishmentEntity } from './establishment/establishment.entity';
import { OrganizationEntity } from './organization/organization.entity';
import { SectorEntity } from './sector/sector.entity';
export const ORG_ENTITIES = [OrganizationEntity, CompanyEntity, EstablishmentEntity, SectorEntity];
