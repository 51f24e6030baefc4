import { create } from 'xmlbuilder2';
import { LifecycleCode } from '../lifecycle';
import { isLifecycleCode } from './cdar-codes';
import { CDAR_NS, CdarDocumentStatus, CdarMessage, CdarParty } from './cdar-message';

/** A message that is not a CDAR lifecycle message we can act on; `message` says what is wrong. */
export class CdarReadError extends Error {}

type El = Element;

const childrenOf = (el: El, ns: string, name: string): El[] =>
  Array.from(el.childNodes).filter((n): n is El => n.nodeType === 1 && (n as El).namespaceURI === ns && (n as El).localName === name);
const ram = (el: El, name: string) => childrenOf(el, CDAR_NS.ram, name);
const first = (el: El | undefined, name: string): El | undefined => (el ? ram(el, name)[0] : undefined);
const text = (el: El | undefined): string | null => {
  const value = el?.textContent?.trim();
  return value ? value : null;
};

function required(el: El | undefined, what: string): string {
  const value = text(el);
  if (value === null) throw new CdarReadError(`${what} is missing`);
  return value;
}

/** udt:DateTimeString format 204 (CCYYMMDDHHMMSS, read as UTC) or 102 (CCYYMMDD). */
function dateTimeOf(el: El | undefined, what: string): Date {
  const value = required(el && childrenOf(el, CDAR_NS.udt, 'DateTimeString')[0], what);
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(value);
  if (!m) throw new CdarReadError(`${what} "${value}" is not CCYYMMDD[HHMMSS]`);
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
  if (Number.isNaN(at.getTime())) throw new CdarReadError(`${what} "${value}" is not a date`);
  return at;
}

/** qdt:DateTimeString format 102 → YYYY-MM-DD. */
function isoDateOf(el: El | undefined, what: string): string {
  const value = required(el && childrenOf(el, CDAR_NS.qdt, 'DateTimeString')[0], what);
  if (!/^\d{8}$/.test(value)) throw new CdarReadError(`${what} "${value}" is not CCYYMMDD`);
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

function idOf(el: El | undefined): { value: string; scheme: string } | null {
  const value = text(el);
  return el && value ? { value, scheme: el.getAttribute('schemeID') ?? '' } : null;
}

function partyOf(el: El | undefined, what: string): CdarParty {
  if (!el) throw new CdarReadError(`${what} is missing`);
  return {
    role: required(first(el, 'RoleCode'), `${what} role`),
    globalId: idOf(first(el, 'GlobalID')),
    electronicAddress: idOf(first(first(el, 'URIUniversalCommunication'), 'URIID')),
  };
}

function statusOf(ack: El, index: number): CdarDocumentStatus {
  const where = `AcknowledgementDocument[${index}]`;
  const doc = first(ack, 'ReferenceReferencedDocument');
  if (!doc) throw new CdarReadError(`${where}/ReferenceReferencedDocument is missing`);
  const rawCode = required(first(doc, 'ProcessConditionCode'), `${where} status code (MDT-105)`);
  const code = Number(rawCode);
  if (!/^\d{3}$/.test(rawCode) || !isLifecycleCode(code)) throw new CdarReadError(`${where} status code ${rawCode} is not a lifecycle status of the invoice`);
  const detail = first(doc, 'SpecifiedDocumentStatus');
  const reasonCode = text(first(detail, 'ReasonCode'));
  const amounts = (detail ? ram(detail, 'SpecifiedDocumentCharacteristic') : [])
    .filter((c) => text(first(c, 'TypeCode')) === 'MEN')
    .map((c) => ({
      amount: required(first(c, 'ValueAmount'), `${where} MEN amount`),
      currency: first(c, 'ValueAmount')?.getAttribute('currencyID') ?? 'EUR',
      rate: required(first(c, 'ValuePercent'), `${where} MEN VAT rate`),
    }));
  return {
    flowRef: text(first(doc, 'GlobalID')),
    invoiceNumber: required(first(doc, 'IssuerAssignedID'), `${where} invoice number (MDT-87)`),
    invoiceIssueDate: isoDateOf(first(doc, 'FormattedIssueDateTime'), `${where} invoice issue date (MDG-35)`),
    invoiceTypeCode: text(first(doc, 'TypeCode')) ?? '380',
    sellerSiren: text(first(first(doc, 'IssuerTradeParty'), 'GlobalID')),
    code: code as LifecycleCode,
    reason: reasonCode ? { code: reasonCode, text: text(first(detail, 'Reason')) } : null,
    amounts,
  };
}

/** Reads a CDAR D22B lifecycle message; throws CdarReadError on anything that is not one. */
export function readCdar(xml: string): CdarMessage {
  let root: El;
  try {
    root = create(xml).root().node as unknown as El;
  } catch (error) {
    throw new CdarReadError(`not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (root.namespaceURI !== CDAR_NS.rsm || root.localName !== 'CrossDomainAcknowledgementAndResponse') {
    throw new CdarReadError('the root element is not rsm:CrossDomainAcknowledgementAndResponse');
  }
  const [context] = childrenOf(root, CDAR_NS.rsm, 'ExchangedDocumentContext');
  const [header] = childrenOf(root, CDAR_NS.rsm, 'ExchangedDocument');
  if (!header) throw new CdarReadError('ExchangedDocument is missing');
  const acks = childrenOf(root, CDAR_NS.rsm, 'AcknowledgementDocument');
  if (!acks.length) throw new CdarReadError('no AcknowledgementDocument');
  return {
    id: required(first(header, 'ID'), 'the message id (MDT-4)'),
    issuedAt: dateTimeOf(first(header, 'IssueDateTime'), 'the message date (MDG-4)'),
    businessProcess: text(first(first(context, 'BusinessProcessSpecifiedDocumentContextParameter'), 'ID')) ?? '',
    sender: partyOf(first(header, 'SenderTradeParty'), 'SenderTradeParty'),
    issuer: partyOf(first(header, 'IssuerTradeParty'), 'IssuerTradeParty'),
    recipient: partyOf(first(header, 'RecipientTradeParty'), 'RecipientTradeParty'),
    statuses: acks.map(statusOf),
  };
}
