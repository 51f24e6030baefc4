import { PassThrough } from 'node:stream';
import { standardsFile, standardsSuiteTitle, validateAgainstXsd } from '@comptoir/platform/testing';
import { SEPA_FORMATS, SepaFormat } from './sepa-batch.entity';
import { SepaDebit, SepaMessage, writeSepaDirectDebit } from './sepa-xml-writer';
import { sepaText } from './sepa-text';

const debit = (over: Partial<SepaDebit>): SepaDebit => ({
  endToEndId: 'F-2026-000123',
  amount: '1200.00',
  scheme: 'CORE',
  sequenceType: 'FRST',
  mandateReference: 'RUM-2026-0001',
  mandateSignedOn: '2026-01-15',
  amendment: null,
  debtorName: 'Boulangerie Martin',
  debtorIban: 'FR1420041010050500013M02606',
  debtorBic: 'PSSTFRPPPAR',
  remittance: 'Facture F-2026-000123',
  ...over,
});

const DEBITS: SepaDebit[] = [
  debit({}),
  debit({ endToEndId: 'F-2026-000124', amount: '80.50', debtorBic: null, amendment: { originalReference: 'RUM-OLD', originalIban: null, otherBank: false } }),
  debit({ endToEndId: 'F-2026-000125', sequenceType: 'RCUR', amount: '19.50', amendment: { originalReference: null, originalIban: 'DE89370400440532013000', otherBank: false } }),
  debit({ endToEndId: 'F-2026-000126', sequenceType: 'RCUR', amount: '10.00', debtorName: 'Épicerie « Chez Zoé » & fils', amendment: { originalReference: null, originalIban: 'FR7630006000011234567890189', otherBank: true } }),
  debit({ endToEndId: 'F-2026-000127', scheme: 'B2B', sequenceType: 'OOFF', amount: '5.00' }),
];

const message = (format: SepaFormat): SepaMessage => ({
  format,
  messageId: 'SDD-20261124-0001',
  createdAt: new Date('2026-11-24T10:00:00Z'),
  collectionDate: '2026-12-15',
  creditor: { name: 'Atelier Dupont SAS', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', creditorId: 'FR72ZZZ123456', address: { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' } },
  count: DEBITS.length,
  total: '1315.00',
  groups: new Map([
    ['CORE:FRST', { count: 2, total: '1280.50' }],
    ['CORE:RCUR', { count: 2, total: '29.50' }],
    ['B2B:OOFF', { count: 1, total: '5.00' }],
  ]),
});

async function render(format: SepaFormat, debits: Iterable<SepaDebit> = DEBITS): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeSepaDirectDebit(out, message(format), debits);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('writeSepaDirectDebit', () => {
  it('writes one PmtInf per scheme and sequence type, with its count and control sum', async () => {
    const xml = await render('pain.008.001.02');
    expect(xml.match(/<PmtInf>/g)).toHaveLength(3);
    expect(xml).toContain('<SeqTp>FRST</SeqTp></PmtTpInf>');
    expect(xml).toContain('<NbOfTxs>2</NbOfTxs><CtrlSum>1280.50</CtrlSum>');
    expect(xml).toContain('<GrpHdr><MsgId>SDD-20261124-0001</MsgId><CreDtTm>2026-11-24T10:00:00</CreDtTm><NbOfTxs>5</NbOfTxs><CtrlSum>1315.00</CtrlSum>');
  });

  it('carries amendments: original reference, original IBAN in the same bank, SMNDA for another bank', async () => {
    const xml = await render('pain.008.001.02');
    expect(xml).toContain('<AmdmntInd>true</AmdmntInd><AmdmntInfDtls><OrgnlMndtId>RUM-OLD</OrgnlMndtId></AmdmntInfDtls>');
    expect(xml).toContain('<OrgnlDbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></OrgnlDbtrAcct>');
    expect(xml).toContain('<OrgnlDbtrAgt><FinInstnId><Othr><Id>SMNDA</Id></Othr></FinInstnId></OrgnlDbtrAgt>');
  });

  it('names the bank BIC in .02 and BICFI in .08, NOTPROVIDED without a BIC', async () => {
    expect(await render('pain.008.001.02')).toContain('<CdtrAgt><FinInstnId><BIC>AGRIFRPP</BIC>');
    const v08 = await render('pain.008.001.08');
    expect(v08).toContain('<CdtrAgt><FinInstnId><BICFI>AGRIFRPP</BICFI>');
    expect(v08).toContain('<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>');
  });

  it('writes names in the SEPA character set', async () => {
    expect(await render('pain.008.001.02')).toContain('<Nm>Epicerie Chez Zoe fils</Nm>');
    expect(sepaText('Société Générale & Cie « test »', 70)).toBe('Societe Generale Cie test');
    expect(sepaText('A'.repeat(80), 70)).toHaveLength(70);
  });

  it('refuses debits whose group comes back after it closed, and an empty file', async () => {
    await expect(render('pain.008.001.02', [DEBITS[0]!, DEBITS[2]!, DEBITS[1]!])).rejects.toThrow(/grouped/);
    await expect(render('pain.008.001.02', [])).rejects.toThrow(/at least one debit/);
  });

  it('waits for a slow reader to drain instead of buffering the whole file', async () => {
    const out = new PassThrough({ highWaterMark: 64 });
    let read = 0;
    const many = function* () {
      for (let i = 0; i < 2000; i++) yield debit({ endToEndId: `F-${i}`, amount: '1.00' });
    };
    const writing = writeSepaDirectDebit(out, { ...message('pain.008.001.02'), count: 2000, total: '2000.00', groups: undefined }, many());
    // Nobody reads yet: the writer must be paused on 'drain' with little buffered.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(out.writableLength).toBeLessThan(16 * 1024);
    out.on('data', (chunk: Buffer) => (read += chunk.length));
    await writing;
    expect(read).toBeGreaterThan(500_000);
  });
});

const xsdParts = (format: SepaFormat) => ['sepa', 'xsd', `${format}.xsd`];
describe.each(SEPA_FORMATS)('%s against the official XSD', (format) => {
  const xsd = standardsFile(...xsdParts(format));
  (xsd ? it : it.skip)(standardsSuiteTitle('validates, amendments and missing BICs included', xsd, ...xsdParts(format)), async () => {
    const result = await validateAgainstXsd(await render(format), xsd ?? '');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
