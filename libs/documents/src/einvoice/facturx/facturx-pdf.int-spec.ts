import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { AppConfig } from '@comptoir/platform/config';
import { describeWithChromium, pdfPagesText, PdfRenderer } from '@comptoir/platform/pdf';
import { renderDocumentHtml } from '../../render-document-html';
import { sampleInvoice } from '../../sample-documents';
import { inspectFacturX } from './facturx-inspect';
import { FacturXMeta, toFacturX } from './facturx-pdf';

const run = promisify(execFile);
const config = Object.assign(new AppConfig(), { pdfPoolSize: 1 });
/** A small CII with non-ASCII text: the attachment must come back byte for byte. */
const CII = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
  <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument><ram:ID>FA2026-00042</ram:ID><ram:TypeCode>380</ram:TypeCode><ram:IncludedNote><ram:Content>Pénalités de retard : 3 × le taux d’intérêt légal</ram:Content></ram:IncludedNote></rsm:ExchangedDocument>
</rsm:CrossIndustryInvoice>
`;
const META: FacturXMeta = { conformanceLevel: 'EN 16931', documentNumber: 'FA2026-00042', issueDate: '2026-11-23', sellerName: 'Atelier Comptoir', title: 'Facture FA2026-00042', typeLabel: 'Facture' };

const name = (key: string) => PDFName.of(key);
const text = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);
const streamText = (stream: PDFRawStream) => Buffer.from(decodePDFRawStream(stream).decode());
/** A stream as parsed from the file (pdf-lib's typed lookup has no overload for raw streams). */
function rawStream(dict: PDFDict, key: string): PDFRawStream {
  const stream = dict.lookup(name(key));
  if (!(stream instanceof PDFRawStream)) throw new Error(`${key} is not a stream`);
  return stream;
}

async function poppler(tool: string, args: string[], pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'facturx-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const { stdout } = await run(tool, [...args.map((arg) => arg.replace('{dir}', dir)), join(dir, 'in.pdf')], { encoding: 'utf8' });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describeWithChromium(config.chromiumPath)('Factur-X PDF/A-3 from a Chromium print', () => {
  const renderer = new PdfRenderer(config);
  let original: Buffer;
  let facturx: Uint8Array;
  let doc: PDFDocument;

  beforeAll(async () => {
    original = await renderer.render(renderDocumentHtml(sampleInvoice()));
    facturx = await toFacturX(original, CII, META);
    doc = await PDFDocument.load(facturx, { updateMetadata: false });
  });
  afterAll(() => renderer.onModuleDestroy());

  it('is reported as Factur-X EN 16931 on PDF/A-3B by inspectFacturX, with the XML byte for byte', async () => {
    const inspection = await inspectFacturX(facturx);
    expect(inspection).toMatchObject({
      pdfVersion: '1.7',
      encrypted: false,
      trailerId: true,
      pdfaPart: 3,
      pdfaConformance: 'B',
      facturX: { documentType: 'INVOICE', documentFileName: 'factur-x.xml', version: '1.0', conformanceLevel: 'EN 16931' },
      facturXSchemaDeclared: true,
      outputIntent: { subtype: 'GTS_PDFA1', outputConditionIdentifier: 'sRGB IEC61966-2.1', iccComponents: 3 },
      attachment: { name: 'factur-x.xml', mimeType: 'text/xml', afRelationship: 'Alternative', inCatalogAF: true, size: Buffer.byteLength(CII) },
      info: { title: 'Facture FA2026-00042', author: 'Atelier Comptoir', creator: 'Comptoir' },
    });
    expect(inspection.fonts.length).toBeGreaterThan(0);
    expect(inspection.fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(Buffer.from(inspection.xml!).equals(Buffer.from(CII, 'utf8'))).toBe(true);
  });

  it('has an uncompressed XMP stream on the catalog with the PDF/A id and the fx extension schema, matching the Info dictionary', () => {
    const metadata = rawStream(doc.catalog, 'Metadata');
    expect(metadata.dict.get(name('Type'))).toBe(name('Metadata'));
    expect(metadata.dict.get(name('Subtype'))).toBe(name('XML'));
    expect(metadata.dict.has(name('Filter'))).toBe(false);
    const xmp = Buffer.from(metadata.getContents()).toString('utf8');
    for (const expected of [
      '<pdfaid:part>3</pdfaid:part>',
      '<pdfaid:conformance>B</pdfaid:conformance>',
      '<pdfaExtension:schemas>',
      '<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>',
      '<pdfaSchema:prefix>fx</pdfaSchema:prefix>',
      '<fx:DocumentType>INVOICE</fx:DocumentType>',
      '<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>',
      '<fx:Version>1.0</fx:Version>',
      '<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>',
    ])
      expect(xmp).toContain(expected);

    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    const xmpValue = (pattern: RegExp) => xmp.match(pattern)?.[1];
    expect(xmpValue(/<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</)).toBe(text(info.lookup(name('Title'))));
    expect(xmpValue(/<dc:creator><rdf:Seq><rdf:li>([^<]*)</)).toBe(text(info.lookup(name('Author'))));
    expect(xmpValue(/<dc:description><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</)).toBe(text(info.lookup(name('Subject'))));
    expect(xmpValue(/<xmp:CreatorTool>([^<]*)</)).toBe(text(info.lookup(name('Creator'))));
    expect(xmpValue(/<pdf:Producer>([^<]*)</)).toBe(text(info.lookup(name('Producer'))));
    const infoDate = (key: string) => info.lookup(name(key), PDFString).decodeDate().toISOString().replace('.000Z', 'Z');
    expect(xmpValue(/<xmp:CreateDate>([^<]*)</)).toBe(infoDate('CreationDate'));
    expect(xmpValue(/<xmp:ModifyDate>([^<]*)</)).toBe(infoDate('ModDate'));
    expect(Buffer.from(original).includes('HeadlessChrome')).toBe(true);
    expect(Buffer.from(facturx).includes('HeadlessChrome')).toBe(false); // no orphan copy of the printed Info
  });

  it('has an sRGB OutputIntent whose destination profile is a 3-component ICC profile', () => {
    const intents = doc.catalog.lookup(name('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(name('S'))).toBe(name('GTS_PDFA1'));
    expect(text(intent.lookup(name('OutputConditionIdentifier')))).toBe('sRGB IEC61966-2.1');
    const profile = rawStream(intent, 'DestOutputProfile');
    expect(profile.dict.lookup(name('N'), PDFNumber).asNumber()).toBe(3);
    const icc = streamText(profile);
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(icc.toString('latin1', 12, 24)).toBe('mntrRGB XYZ '); // display profile, RGB data, XYZ connection space
    expect(icc.toString('latin1', 36, 40)).toBe('acsp');
  });

  it('keeps every font of the print embedded', () => {
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && object.get(name('Type')) === name('FontDescriptor'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const descriptor of fonts) expect(['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(name(key)))).toBe(true);
  });

  it('attaches factur-x.xml (text/xml, /Alternative) in the EmbeddedFiles tree and lists it in the catalog /AF', () => {
    const names = doc.catalog.lookup(name('Names'), PDFDict).lookup(name('EmbeddedFiles'), PDFDict).lookup(name('Names'), PDFArray);
    expect(names.size()).toBe(2);
    expect(text(names.lookup(0))).toBe('factur-x.xml');
    const specRef = names.get(1) as PDFRef;
    const spec = doc.context.lookup(specRef, PDFDict);
    expect(spec.get(name('Type'))).toBe(name('Filespec'));
    expect(text(spec.lookup(name('F')))).toBe('factur-x.xml');
    expect(text(spec.lookup(name('UF')))).toBe('factur-x.xml');
    expect(text(spec.lookup(name('Desc')))).toBe('Factur-X EN 16931 invoice FA2026-00042');
    expect(spec.get(name('AFRelationship'))).toBe(name('Alternative'));
    const file = rawStream(spec.lookup(name('EF'), PDFDict), 'F');
    expect(file.dict.get(name('Type'))).toBe(name('EmbeddedFile'));
    expect(file.dict.get(name('Subtype'))).toBe(name('text/xml'));
    const params = file.dict.lookup(name('Params'), PDFDict);
    expect(params.lookup(name('Size'), PDFNumber).asNumber()).toBe(Buffer.byteLength(CII));
    expect(params.has(name('ModDate'))).toBe(true);
    expect(streamText(file).equals(Buffer.from(CII, 'utf8'))).toBe(true);
    expect(doc.catalog.lookup(name('AF'), PDFArray).asArray()).toContain(specRef);
  });

  it('starts with a PDF 1.7 header and has an /ID in its trailer, and no encryption', () => {
    const raw = Buffer.from(facturx).toString('latin1');
    expect(raw.startsWith('%PDF-1.7\n%')).toBe(true);
    expect(raw.charCodeAt(10)).toBeGreaterThan(127); // the binary comment line PDF/A asks for
    const trailer = raw.slice(raw.lastIndexOf('trailer'));
    expect(trailer).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/i);
    expect(trailer).not.toContain('/Encrypt');
    const id = doc.context.trailerInfo.ID as PDFArray;
    expect(id.size()).toBe(2);
  });

  it('is still read by poppler: same page text, pdfinfo sees PDF 1.7 with its metadata, pdfdetach extracts the same XML', async () => {
    expect(await pdfPagesText(Buffer.from(facturx))).toEqual(await pdfPagesText(original));
    const info = await poppler('pdfinfo', [], facturx);
    expect(info).toMatch(/^Title:\s+Facture FA2026-00042$/m);
    expect(info).toMatch(/^Author:\s+Atelier Comptoir$/m);
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Encrypted:\s+no$/m);
    expect(await poppler('pdfdetach', ['-list'], facturx)).toContain('1: factur-x.xml');
    const dir = await mkdtemp(join(tmpdir(), 'facturx-out-'));
    try {
      await poppler('pdfdetach', ['-save', '1', '-o', join(dir, 'extracted.xml')], facturx);
      expect((await readFile(join(dir, 'extracted.xml'))).equals(Buffer.from(CII, 'utf8'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps names with & < > intact for EXTENDED: XMP escaped, Info and pdfinfo show them as written', async () => {
    const meta: FacturXMeta = { ...META, conformanceLevel: 'EXTENDED', sellerName: 'Dupont & Fils <SARL>', title: 'Facture <FA&42>' };
    const pdf = await toFacturX(original, CII, meta);
    const inspection = await inspectFacturX(pdf);
    expect(inspection.facturX.conformanceLevel).toBe('EXTENDED');
    expect(inspection.info).toMatchObject({ title: 'Facture <FA&42>', author: 'Dupont & Fils <SARL>' });
    const xmp = Buffer.from(rawStream((await PDFDocument.load(pdf)).catalog, 'Metadata').getContents()).toString('utf8');
    expect(xmp).toContain('<rdf:li>Dupont &amp; Fils &lt;SARL&gt;</rdf:li>');
    expect(await poppler('pdfinfo', [], pdf)).toMatch(/^Author:\s+Dupont & Fils <SARL>$/m);
  });

  it('makes the link annotations Chromium writes for an <a href> printable, as PDF/A requires', async () => {
    const linked = await renderer.render('<!doctype html><html><body><p><a href="https://example.org/cgv">Conditions générales</a></p></body></html>');
    const annotation = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPage(0).node.Annots()?.lookup(0, PDFDict);
    expect((await annotation(linked))?.get(name('Subtype'))).toBe(name('Link'));
    const printed = await annotation(await toFacturX(linked, CII, META));
    expect(printed?.lookup(name('F'), PDFNumber).asNumber()).toBe(4);
  });
});
