import { CompanyResponseDto } from './company/company.dto';
import { CompanyEntity } from './company/company.entity';
import { EstablishmentResponseDto } from './establishment/establishment.dto';
import { EstablishmentEntity } from './establishment/establishment.entity';
import { SectorResponseDto } from './sector/sector.dto';
import { SectorEntity } from './sector/sector.entity';

export const toCompanyDto = (c: CompanyEntity): CompanyResponseDto => ({
  id: c.id,
  legalName: c.legalName,
  legalForm: c.legalForm,
  shareCapital: c.shareCapital,
  siren: c.siren,
  vatNumber: c.vatNumber,
  rcs: c.rcs,
  address: c.address,
  timeZone: c.timeZone,
  currency: c.currency,
  vatRegime: c.vatRegime,
  sepaCreditorId: c.sepaCreditorId,
  isSandbox: c.isSandbox,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/** `logo` is sent when it was read (single establishment); lists read only whether there is one. */
export const toEstablishmentDto = (e: EstablishmentEntity): EstablishmentResponseDto => ({
  id: e.id,
  companyId: e.companyId,
  name: e.name,
  siret: e.siret,
  address: e.address,
  documentHeader: e.documentHeader,
  documentFooter: e.documentFooter,
  isDefault: e.isDefault,
  hasLogo: e.logo === undefined ? e.hasLogo === true : e.logo !== null,
  ...(e.logo === undefined ? {} : { logo: e.logo }),
});

export const toSectorDto = (s: SectorEntity): SectorResponseDto => ({ id: s.id, establishmentId: s.establishmentId, code: s.code, name: s.name });
