import { MandateResponseDto } from './mandate.dto';
import { MandateEntity } from './mandate.entity';
import { effectiveStatus, lapsesOn } from './mandate-lifecycle';
import { sequenceTypeFor } from './sequence-type';

/** A mandate as of `today`, with its debtor IBAN. */
export const toMandateDto = (m: MandateEntity, iban: string, today: string): MandateResponseDto => ({
  id: m.id,
  accountId: m.accountId,
  bankAccountId: m.bankAccountId,
  iban,
  reference: m.reference,
  signedOn: m.signedOn,
  signaturePlace: m.signaturePlace,
  type: m.type,
  scheme: m.scheme,
  status: effectiveStatus(m, today),
  lapsesOn: lapsesOn(m),
  preNotificationDays: m.preNotificationDays,
  collectionCount: m.collectionCount,
  lastCollectionOn: m.lastCollectionOn,
  finalCollection: m.finalCollection,
  nextSequenceType: sequenceTypeFor(m),
  pendingAmendment: m.pendingAmendment,
  revokedOn: m.revokedOn,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});
