import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { inspectFacturX } from './facturx-inspect';
import { FacturXMeta, toFacturX } from './facturx-pdf';

const meta: FacturXMeta = { conformanceLevel: 'EN 16931', documentNumber: 'FA2026-00042', issueDate: '2026-11-23', sellerName: 'Atelier Comptoir', title: 'Facture FA2026-00042', typeLabel: 'Facture' };
const CII = '<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>\n';

/** A one-page PDF without text (so without fonts), as a stand-in for a print where no browser runs. */
async function drawing(options: { creationDate?: Date } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([595, 842]).drawRectangle({ x: 50, y: 700, width: 200, height: 40, color: rgb(0.2, 0.4, 0.6) });
  if (options.creationDate) doc.setCreationDate(options.creationDate);
  return doc.save();
}

describe('toFacturX (unit, without Chromium)', () => {
  it('is a pure function of its inputs: same original and XML, same bytes; another XML, another /ID', async () => {
    const pdf = await drawing({ creationDate: new Date('2026-11-23T10:11:12Z') });
    const first = await toFacturX(pdf, CII, meta);
    expect(Buffer.from(await toFacturX(pdf, CII, meta)).equals(Buffer.from(first))).toBe(true);
    const other = await toFacturX(pdf, CII.replace('/>', '></rsm:CrossIndustryInvoice>'), meta);
    const id = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').match(/\/ID \[ <(\w+)>/)?.[1];
    expect(id(first)).toMatch(/^[0-9A-F]{32}$/i);
    expect(id(other)).not.toBe(id(first));
    expect((await inspectFacturX(first)).info.creationDate).toBe('2026-11-23T10:11:12.000Z');
  });

  it('dates a PDF that has no creation date at the invoice date', async () => {
    const inspection = await inspectFacturX(await toFacturX(await drawing(), CII, meta));
    expect(inspection.info.creationDate).toBe('2026-11-23T00:00:00.000Z');
    expect(inspection.info.modDate).toBe('2026-11-23T00:00:00.000Z');
    expect(Buffer.from(inspection.xml!).toString('utf8')).toBe(CII);
  });

  it('refuses a PDF whose fonts are not embedded, naming them: it could never be PDF/A', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Facture', { font: await doc.embedFont(StandardFonts.Helvetica) });
    await expect(toFacturX(await doc.save(), CII, meta)).rejects.toThrow('fonts not embedded, PDF/A forbids it: Helvetica');
  });
});

describe('inspectFacturX on a plain PDF', () => {
  it('finds no PDF/A identification, no Factur-X data, no OutputIntent and no attachment', async () => {
    const inspection = await inspectFacturX(await drawing());
    expect(inspection).toMatchObject({
      pdfaPart: null,
      pdfaConformance: null,
      facturX: { documentType: null, documentFileName: null, version: null, conformanceLevel: null },
      facturXSchemaDeclared: false,
      outputIntent: null,
      attachment: null,
      trailerId: false,
      xml: null,
    });
  });
});
