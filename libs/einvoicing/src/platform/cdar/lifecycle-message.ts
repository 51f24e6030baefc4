import { CDAR_CODES } from './cdar-codes';
import type { CdarDocumentStatus, CdarMessage, CdarParty } from './cdar-message';

type Address = { value: string; scheme: string } | null;

export interface LifecycleMessageInput {
  id: string;
  issuedAt: Date;
  status: CdarDocumentStatus;
  sellerAddress: Address;
  buyerAddress: Address;
}

const platform: CdarParty = { role: 'WK', globalId: null, electronicAddress: null };

/**
 * The CDAR message of one invoice status, with the parties BR-FR-CDV expects for whoever emits it:
 * a platform status (phase 305) is sent and issued by the platform (WK) to the seller; a buyer's
 * status (phase 23) is issued by the buyer (BY, identified) to the seller; a seller's status by the
 * seller (SE, its SIREN) to the buyer.
 */
export function lifecycleMessage(input: LifecycleMessageInput): CdarMessage {
  const { emitter } = CDAR_CODES[input.status.code];
  const seller: CdarParty = { role: 'SE', globalId: input.status.sellerSiren ? { value: input.status.sellerSiren, scheme: '0002' } : null, electronicAddress: input.sellerAddress };
  const buyer: CdarParty = { role: 'BY', globalId: input.buyerAddress, electronicAddress: input.buyerAddress };
  const issuer = emitter === 'platform' ? platform : emitter === 'buyer' ? buyer : seller;
  const recipient = emitter === 'seller' ? buyer : seller;
  return { id: input.id, issuedAt: input.issuedAt, businessProcess: 'REGULATED', sender: platform, issuer, recipient, statuses: [input.status] };
}
