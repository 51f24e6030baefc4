import { DIRECTORY_ADDRESS_PATTERN, ELECTRONIC_ADDRESS_MAX_LENGTH } from '@comptoir/crm';
import type { ElectronicAddress } from '@comptoir/documents';
import { DEFAULT_ELECTRONIC_ADDRESS_SCHEME } from './einvoice-section';

/**
 * The routing address of a party: the one set explicitly, else its SIREN (the directory registers every
 * company under its SIREN), with its scheme (the directory's 0225 unless told otherwise); null when neither.
 */
export function resolveElectronicAddress(explicit: string | null | undefined, scheme: string | null | undefined, siren: string | null | undefined): ElectronicAddress | null {
  const value = explicit?.trim() || siren?.trim() || null;
  return value ? { value, scheme: scheme || DEFAULT_ELECTRONIC_ADDRESS_SCHEME } : null;
}

/** Why an address cannot be routed by the directory (BR-FR-23), or null when it can. */
export function electronicAddressProblem(address: ElectronicAddress): string | null {
  if (address.value.length > ELECTRONIC_ADDRESS_MAX_LENGTH) return `is longer than ${ELECTRONIC_ADDRESS_MAX_LENGTH} characters`;
  if (address.scheme === DEFAULT_ELECTRONIC_ADDRESS_SCHEME && !DIRECTORY_ADDRESS_PATTERN.test(address.value)) return 'may only contain letters, digits and + - _ . (BR-FR-23)';
  return null;
}
