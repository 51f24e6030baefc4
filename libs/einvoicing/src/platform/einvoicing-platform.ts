import type { ElectronicAddress } from '@comptoir/documents';
import { DomainError } from '@comptoir/platform/kernel';
import type { EInvoiceFormat } from '../settings/einvoicing-settings.entity';
import type { LifecycleCode } from './lifecycle';

/** What names an invoice in CDAR messages and to the platform: its number, date, type and parties. */
export interface FlowIdentity {
  /** The sales document's id: adapters pass it to the platform as the idempotency key of the deposit. */
  documentId: string;
  number: string;
  issueDate: string;
  /** 380 invoice, 381 credit note, 386 deposit invoice. */
  typeCode: string;
  sellerSiren: string | null;
  sellerElectronicAddress: ElectronicAddress | null;
  buyerElectronicAddress: ElectronicAddress | null;
}

/** One e-invoice handed to the platform: the stored original in the company's transmit format. */
export interface OutgoingFlow extends FlowIdentity {
  format: EInvoiceFormat;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A lifecycle status the platform reported for one of the company's flows (one CDAR message may carry several). */
export interface LifecycleUpdate {
  /** The platform's id of the flow, as `submit` returned it. */
  platformRef: string;
  code: LifecycleCode;
  /** The platform's id of this status message: the same message delivered twice is stored once. */
  eventRef: string;
  occurredAt: Date;
  /** Why (rejected, refused, disputed…): the CDAR reason code and text. */
  reason: string | null;
}

/** A status the seller emits (212 cashed in, 207 disputed, 209 completed), handed to the platform to forward. */
export interface SellerStatus {
  platformRef: string;
  /** The invoice the status is about, as the CDAR message names it. */
  invoice: FlowIdentity;
  code: LifecycleCode;
  eventRef: string;
  occurredAt: Date;
  reason: string | null;
  /** 212 cashed in: the amount received per VAT rate (BR-FR-CDV-14: MEN amount and VAT percent). */
  amounts: { rate: string; amount: string }[];
}

/** An invoice addressed to the company (a supplier's), as the platform delivers it. */
export interface IncomingFlow {
  platformRef: string;
  format: EInvoiceFormat;
  filename: string;
  contentType: string;
  bytes: Buffer;
  receivedAt: Date;
}

/**
 * One company's connection to an approved platform (PA). Every method is called with the company's
 * own settings already opened (credentials, callback secret); see docs/einvoicing-platforms.md for
 * what each one must guarantee.
 */
export interface EInvoicingPlatform {
  readonly name: string;
  /**
   * Deposits the flow and answers the platform's id for it. Must be idempotent on `flow.documentId`:
   * a retry after a lost answer gets the same id back, never a second deposit.
   */
  submit(flow: OutgoingFlow): Promise<{ platformRef: string }>;
  /** Verifies the platform's signature over the raw body, then reads its statuses; throws PlatformSignatureError on a bad one. */
  parseCallback(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): LifecycleUpdate[];
  /** Forwards a status the seller emits (212 cashed in…) to the platform. */
  sendStatus(status: SellerStatus): Promise<void>;
  /** The invoices addressed to the company since that instant (all when null). */
  receive(since: Date | null): Promise<IncomingFlow[]>;
}

/** What an adapter knows of the company it works for: its ids, its settings, its secrets opened. */
export interface PlatformConnection {
  organizationId: string;
  companyId: string;
  /** settings.platformConfig without the sealed secrets. */
  config: Record<string, unknown>;
  /** The adapter's secrets (callback signing secret, API key…), opened from settings.platformConfig. */
  secrets: Record<string, string>;
}

/**
 * A platform as the registry holds it: one per PA, shared by every company. It opens a company's
 * connection, and reads which flows an unauthenticated callback is about so that the company whose
 * secret must verify it can be found.
 */
export interface EInvoicingPlatformAdapter {
  readonly name: string;
  /** Secrets the adapter makes itself when a company has none (the fake's callback secret); real PAs hand theirs out. */
  provisionSecrets?(): Record<string, string>;
  /** The platform refs a callback names, read BEFORE it is trusted; throws PlatformCallbackError when the body is unreadable. */
  callbackRefs(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): string[];
  connect(connection: PlatformConnection): EInvoicingPlatform;
}

/** A callback whose signature does not verify: nothing it says is applied. */
export class PlatformSignatureError extends DomainError {
  constructor(reason: string) {
    super('platform_signature_invalid', 401, `The callback signature does not verify: ${reason}`, [{ path: 'signature', message: reason }]);
  }
}

/** A callback body that cannot be read (not a CDAR message, no flow named). */
export class PlatformCallbackError extends DomainError {
  constructor(reason: string) {
    super('platform_callback_invalid', 400, `The callback cannot be read: ${reason}`, [{ path: 'body', message: reason }]);
  }
}
