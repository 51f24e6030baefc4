import { standardsFile, standardsSuiteTitle, validateAgainstXsd } from '@comptoir/platform/standards';
import { LifecycleCode } from '../lifecycle';
import { CdarDocumentStatus } from './cdar-message';
import { CdarReadError, readCdar } from './cdar-reader';
import { writeCdar } from './cdar-writer';
import { lifecycleMessage } from './lifecycle-message';

const CDAR_DIR = ['facturx', 'fnfe-france-rfe', 'FNFE_RFE_INVOICE', 'CDAR'];
const XSD = [...CDAR_DIR, '1xsd-CDAR_D22B_uncoupled', 'CrossDomainAcknowledgementAndResponse_100pD22B.xsd'];

function status(code: LifecycleCode, extra: Partial<CdarDocumentStatus> = {}): CdarDocumentStatus {
  return { flowRef: 'FAKE-0001', invoiceNumber: 'FA-2026-00042', invoiceIssueDate: '2026-11-20', invoiceTypeCode: '380', sellerSiren: '552100554', code, reason: null, amounts: [], ...extra };
}

const message = (s: CdarDocumentStatus) =>
  lifecycleMessage({ id: `MSG-${s.code}`, issuedAt: new Date('2026-11-24T09:30:15Z'), status: s, sellerAddress: { value: '552100554', scheme: '0225' }, buyerAddress: { value: '732829320', scheme: '0225' } });

/** One message per emitter and the statuses with extra data: reasons (213, 210) and amounts (212). */
const SAMPLES: CdarDocumentStatus[] = [
  status(200),
  status(202),
  status(203),
  status(204),
  status(205),
  status(211),
  status(213, { reason: { code: 'REJ_SEMAN', text: 'Le SIREN du client est inconnu' } }),
  status(210, { reason: { code: 'DOUBLON', text: 'Facture déjà reçue' } }),
  status(212, { amounts: [{ rate: '20.00', amount: '1200.00', currency: 'EUR' }, { rate: '5.50', amount: '105.50', currency: 'EUR' }] }),
];

describe('CDAR lifecycle messages', () => {
  it.each(SAMPLES.map((s) => [s.code, s] as const))('reads back status %s as written', (_code, s) => {
    const written = message(s);
    const read = readCdar(writeCdar(written));
    expect(read).toEqual(written);
  });

  it('puts transmission statuses in phase 305 and processing statuses in phase 23, with the annex B status codes', () => {
    expect(writeCdar(message(status(200)))).toContain('<ram:TypeCode>305</ram:TypeCode><ram:IssueDateTime>');
    expect(writeCdar(message(status(200)))).toContain('<ram:StatusCode>10</ram:StatusCode>');
    expect(writeCdar(message(status(205)))).toContain('<ram:TypeCode>23</ram:TypeCode><ram:IssueDateTime>');
    expect(writeCdar(message(status(205)))).toContain('<ram:StatusCode>1</ram:StatusCode>');
  });

  it('refuses what is not a lifecycle message, saying why', () => {
    expect(() => readCdar('not xml')).toThrow(CdarReadError);
    expect(() => readCdar('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>')).toThrow(/root element/);
    const unknownStatus = writeCdar(message(status(200))).replace('<ram:ProcessConditionCode>200<', '<ram:ProcessConditionCode>299<');
    expect(() => readCdar(unknownStatus)).toThrow(/299 is not a lifecycle status/);
    const noNumber = writeCdar(message(status(200))).replace(/<ram:IssuerAssignedID>[^<]*<\/ram:IssuerAssignedID>/, '');
    expect(() => readCdar(noNumber)).toThrow(/invoice number/);
  });
});

const xsd = standardsFile(...XSD);
(xsd ? describe : describe.skip)(standardsSuiteTitle('CDAR messages against the CDAR D22B XSD', xsd, ...XSD), () => {
  it.each(SAMPLES.map((s) => [s.code, s] as const))('status %s is valid', async (_code, s) => {
    await expect(validateAgainstXsd(writeCdar(message(s)), xsd ?? '')).resolves.toEqual({ valid: true, errors: [] });
  });

  it('the XSD check can fail: an element out of order is refused', async () => {
    const broken = writeCdar(message(status(200))).replace(/(<rsm:ExchangedDocumentContext>.*?<\/rsm:ExchangedDocumentContext>)(<rsm:ExchangedDocument>.*?<\/rsm:ExchangedDocument>)/, '$2$1');
    expect((await validateAgainstXsd(broken, xsd ?? '')).valid).toBe(false);
  });
});

