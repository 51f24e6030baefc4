import type { LifecycleCode } from '../lifecycle';

export const CDAR_NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
} as const;

/** MDT-3: the French lifecycle guideline (BR-FR-CDV-02). */
export const CDAR_GUIDELINE = 'urn.cpro.gouv.fr:1p0:CDV:invoice';

/** A party of the message: its role (SE seller, BY buyer, WK platform) and, when known, its ids. */
export interface CdarParty {
  role: string;
  /** MDT-38 / MDT-129: the SIREN (scheme 0002) or a directory id. */
  globalId: { value: string; scheme: string } | null;
  /** MDT-73: the electronic address the message goes to. */
  electronicAddress: { value: string; scheme: string } | null;
}

/** One status of one invoice (MDG-35 referenced document and its MDG-37 status detail). */
export interface CdarDocumentStatus {
  /** The platform's id of the flow (ReferencedDocument/GlobalID). */
  flowRef: string | null;
  invoiceNumber: string;
  /** YYYY-MM-DD. */
  invoiceIssueDate: string;
  /** 380, 381, 386… */
  invoiceTypeCode: string;
  sellerSiren: string | null;
  code: LifecycleCode;
  /** MDT-113 code and its free text (rejected, refused, disputed…). */
  reason: { code: string; text: string | null } | null;
  /** 212 cashed in: MEN amounts received per VAT rate (BR-FR-CDV-14). */
  amounts: { rate: string; amount: string; currency: string }[];
}

/** A CDAR D22B lifecycle message (CrossDomainAcknowledgementAndResponse). */
export interface CdarMessage {
  /** MDT-4: the message id; the platform's id of the status (idempotency of callbacks). */
  id: string;
  issuedAt: Date;
  /** MDT-2: REGULATED for the domestic B2B flows of the reform. */
  businessProcess: string;
  sender: CdarParty;
  issuer: CdarParty;
  recipient: CdarParty;
  statuses: CdarDocumentStatus[];
}
