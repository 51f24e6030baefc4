import { standardsFile, standardsSuiteTitle, validateAgainstXsd } from '@comptoir/platform/standards';
import { CdarReadError, readCdar } from './cdar-reader';
import { writeCdar } from './cdar-writer';
import { message, SAMPLES, status } from './cdar.fixtures';

const CDAR_DIR = ['facturx', 'fnfe-france-rfe', 'FNFE_RFE_INVOICE', 'CDAR'];
const XSD = [...CDAR_DIR, '1xsd-CDAR_D22B_uncoupled', 'CrossDomainAcknowledgementAndResponse_100pD22B.xsd'];

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

