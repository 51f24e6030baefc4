import { AccountEntity } from './account.entity';
import { AccountResponseDto } from './dto/account.dto';

export function toAccountDto(a: AccountEntity): AccountResponseDto {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    roles: a.roles,
    siren: a.siren,
    siret: a.siret,
    vatNumber: a.vatNumber,
    electronicAddress: a.electronicAddress,
    electronicAddressScheme: a.electronicAddressScheme,
    email: a.email,
    phone: a.phone,
    mobile: a.mobile,
    website: a.website,
    billingAddress: a.billingAddress,
    deliveryAddresses: a.deliveryAddresses,
    tags: a.tags,
    customFields: a.customFields,
    sectorId: a.sectorId,
    assignedUserId: a.assignedUserId,
    externalRef: a.externalRef,
    preferredPaymentMethod: a.preferredPaymentMethod,
    notes: a.notes,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
