import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { CDAR_CODES } from './cdar-codes';
import { CDAR_GUIDELINE, CDAR_NS, CdarDocumentStatus, CdarMessage, CdarParty } from './cdar-message';

/** CCYYMMDDHHMMSS in UTC (format 204). */
const dateTime204 = (at: Date) => at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
/** CCYYMMDD (format 102). */
const date102 = (isoDate: string) => isoDate.replace(/-/g, '');

function party(parent: XMLBuilder, name: string, p: CdarParty): void {
  const el = parent.ele(CDAR_NS.ram, `ram:${name}`);
  if (p.globalId) el.ele(CDAR_NS.ram, 'ram:GlobalID').att('schemeID', p.globalId.scheme).txt(p.globalId.value);
  el.ele(CDAR_NS.ram, 'ram:RoleCode').txt(p.role);
  if (p.electronicAddress) el.ele(CDAR_NS.ram, 'ram:URIUniversalCommunication').ele(CDAR_NS.ram, 'ram:URIID').att('schemeID', p.electronicAddress.scheme).txt(p.electronicAddress.value);
}

function acknowledgement(root: XMLBuilder, issuedAt: Date, s: CdarDocumentStatus): void {
  const code = CDAR_CODES[s.code];
  const ack = root.ele(CDAR_NS.rsm, 'rsm:AcknowledgementDocument');
  ack.ele(CDAR_NS.ram, 'ram:TypeCode').txt(code.phase);
  ack.ele(CDAR_NS.ram, 'ram:IssueDateTime').ele(CDAR_NS.udt, 'udt:DateTimeString').att('format', '204').txt(dateTime204(issuedAt));
  const doc = ack.ele(CDAR_NS.ram, 'ram:ReferenceReferencedDocument');
  doc.ele(CDAR_NS.ram, 'ram:IssuerAssignedID').txt(s.invoiceNumber);
  if (code.statusCode) doc.ele(CDAR_NS.ram, 'ram:StatusCode').txt(code.statusCode);
  doc.ele(CDAR_NS.ram, 'ram:TypeCode').txt(s.invoiceTypeCode);
  if (s.flowRef) doc.ele(CDAR_NS.ram, 'ram:GlobalID').txt(s.flowRef);
  doc.ele(CDAR_NS.ram, 'ram:FormattedIssueDateTime').ele(CDAR_NS.qdt, 'qdt:DateTimeString').att('format', '102').txt(date102(s.invoiceIssueDate));
  doc.ele(CDAR_NS.ram, 'ram:ProcessConditionCode').txt(String(s.code));
  doc.ele(CDAR_NS.ram, 'ram:ProcessCondition').txt(code.label);
  if (s.sellerSiren) party(doc, 'IssuerTradeParty', { role: 'SE', globalId: { value: s.sellerSiren, scheme: '0002' }, electronicAddress: null });
  if (s.reason || s.amounts.length) {
    const status = doc.ele(CDAR_NS.ram, 'ram:SpecifiedDocumentStatus');
    if (s.reason) {
      status.ele(CDAR_NS.ram, 'ram:ReasonCode').txt(s.reason.code);
      if (s.reason.text) status.ele(CDAR_NS.ram, 'ram:Reason').txt(s.reason.text);
    }
    status.ele(CDAR_NS.ram, 'ram:SequenceNumeric').txt('1');
    for (const a of s.amounts) {
      const men = status.ele(CDAR_NS.ram, 'ram:SpecifiedDocumentCharacteristic');
      men.ele(CDAR_NS.ram, 'ram:TypeCode').txt('MEN');
      men.ele(CDAR_NS.ram, 'ram:ValueAmount').att('currencyID', a.currency).txt(a.amount);
      men.ele(CDAR_NS.ram, 'ram:ValuePercent').txt(a.rate);
    }
  }
}

/**
 * A CDAR D22B lifecycle message as the French profile (BR-FR-CDV) wants it: the CDV guideline, the
 * message's sender, issuer and recipient, then one acknowledgement per invoice status (phase 305 for
 * the platforms' transmission statuses, 23 for the parties' processing ones), each naming the invoice
 * by number, issue date and seller SIREN.
 */
export function writeCdar(message: CdarMessage): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(CDAR_NS.rsm, 'rsm:CrossDomainAcknowledgementAndResponse');
  for (const [prefix, uri] of Object.entries(CDAR_NS)) root.att('http://www.w3.org/2000/xmlns/', `xmlns:${prefix}`, uri);
  const context = root.ele(CDAR_NS.rsm, 'rsm:ExchangedDocumentContext');
  context.ele(CDAR_NS.ram, 'ram:BusinessProcessSpecifiedDocumentContextParameter').ele(CDAR_NS.ram, 'ram:ID').txt(message.businessProcess);
  context.ele(CDAR_NS.ram, 'ram:GuidelineSpecifiedDocumentContextParameter').ele(CDAR_NS.ram, 'ram:ID').txt(CDAR_GUIDELINE);
  const header = root.ele(CDAR_NS.rsm, 'rsm:ExchangedDocument');
  header.ele(CDAR_NS.ram, 'ram:ID').txt(message.id);
  header.ele(CDAR_NS.ram, 'ram:IssueDateTime').ele(CDAR_NS.udt, 'udt:DateTimeString').att('format', '204').txt(dateTime204(message.issuedAt));
  party(header, 'SenderTradeParty', message.sender);
  party(header, 'IssuerTradeParty', message.issuer);
  party(header, 'RecipientTradeParty', message.recipient);
  for (const status of message.statuses) acknowledgement(root, message.issuedAt, status);
  return root.end({ prettyPrint: false });
}
