import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import { FACTURX_FILENAME, FACTURX_NAMESPACE } from './facturx-xmp';
import { listFonts, PdfFont } from './pdf-fonts';

export interface FacturXInspection {
  /** From the file header, e.g. "1.7". */
  pdfVersion: string;
  encrypted: boolean;
  trailerId: boolean;
  pdfaPart: number | null;
  pdfaConformance: string | null;
  facturX: { documentType: string | null; documentFileName: string | null; version: string | null; conformanceLevel: string | null };
  /** The XMP describes the `fx` namespace in a PDF/A extension schema, with its four properties. */
  facturXSchemaDeclared: boolean;
  info: { title: string | null; author: string | null; subject: string | null; creator: string | null; producer: string | null; creationDate: string | null; modDate: string | null };
  outputIntent: { subtype: string; outputConditionIdentifier: string | null; iccComponents: number | null } | null;
  attachment: { name: string; mimeType: string | null; afRelationship: string | null; description: string | null; inCatalogAF: boolean; size: number } | null;
  fonts: PdfFont[];
  /** The bytes of the embedded factur-x.xml, as stored. Binary: leave it out of JSON responses. */
  xml: Uint8Array | null;
}

const FX_PROPERTIES = ['DocumentFileName', 'DocumentType', 'Version', 'ConformanceLevel'];

/** Reads a Factur-X PDF back: what a PDF/A-3 / Factur-X checker looks at first, and the embedded XML. */
export async function inspectFacturX(pdf: Uint8Array): Promise<FacturXInspection> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const xmp = readXmp(doc);
  const attachment = readAttachment(doc);
  return {
    pdfVersion: Buffer.from(pdf.subarray(0, 16)).toString('latin1').match(/^%PDF-(\d\.\d)/)?.[1] ?? '',
    encrypted: doc.isEncrypted,
    trailerId: doc.context.trailerInfo.ID instanceof PDFArray,
    pdfaPart: numberOrNull(xmpProperty(xmp, 'pdfaid', 'part')),
    pdfaConformance: xmpProperty(xmp, 'pdfaid', 'conformance'),
    facturX: {
      documentType: xmpProperty(xmp, 'fx', 'DocumentType'),
      documentFileName: xmpProperty(xmp, 'fx', 'DocumentFileName'),
      version: xmpProperty(xmp, 'fx', 'Version'),
      conformanceLevel: xmpProperty(xmp, 'fx', 'ConformanceLevel'),
    },
    facturXSchemaDeclared: declaresFacturXSchema(xmp),
    info: readInfo(doc),
    outputIntent: readOutputIntent(doc),
    attachment: attachment?.summary ?? null,
    fonts: listFonts(doc),
    xml: attachment?.bytes ?? null,
  };
}

function readXmp(doc: PDFDocument): string {
  const stream = doc.catalog.lookupMaybe(PDFName.of('Metadata'), PDFStream);
  return stream ? Buffer.from(streamBytes(stream)).toString('utf8') : '';
}

/** A simple XMP property, written as an element (`<p:name>v</p:name>`) or as an attribute (`p:name="v"`). */
function xmpProperty(xmp: string, prefix: string, name: string): string | null {
  const qualified = `${prefix}:${name}`;
  const value = xmp.match(new RegExp(`<${qualified}>([^<]*)</${qualified}>`))?.[1] ?? xmp.match(new RegExp(`\\s${qualified}="([^"]*)"`))?.[1];
  return value === undefined ? null : unescapeXml(value.trim());
}

/** The extension schema naming the fx namespace, read in the order the Factur-X specification writes it. */
function declaresFacturXSchema(xmp: string): boolean {
  const start = xmp.indexOf(`<pdfaSchema:namespaceURI>${FACTURX_NAMESPACE}</pdfaSchema:namespaceURI>`);
  const end = xmp.indexOf('</pdfaSchema:property>', start);
  if (!xmp.includes('<pdfaExtension:schemas>') || start < 0 || end < 0) return false;
  const schema = xmp.slice(start, end);
  return schema.includes('<pdfaSchema:prefix>fx</pdfaSchema:prefix>') && FX_PROPERTIES.every((name) => schema.includes(`<pdfaProperty:name>${name}</pdfaProperty:name>`));
}

function readInfo(doc: PDFDocument): FacturXInspection['info'] {
  const info = doc.context.lookupMaybe(doc.context.trailerInfo.Info, PDFDict);
  const text = (key: string) => {
    const value = info?.lookup(PDFName.of(key));
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
  };
  const date = (key: string) => {
    const value = info?.lookup(PDFName.of(key));
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeDate().toISOString() : null;
  };
  return {
    title: text('Title'),
    author: text('Author'),
    subject: text('Subject'),
    creator: text('Creator'),
    producer: text('Producer'),
    creationDate: date('CreationDate'),
    modDate: date('ModDate'),
  };
}

function readOutputIntent(doc: PDFDocument): FacturXInspection['outputIntent'] {
  const intent = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray)?.lookupMaybe(0, PDFDict);
  if (!intent) return null;
  const identifier = intent.lookup(PDFName.of('OutputConditionIdentifier'));
  const profile = intent.lookupMaybe(PDFName.of('DestOutputProfile'), PDFStream);
  const components = profile?.dict.lookupMaybe(PDFName.of('N'), PDFNumber);
  return {
    subtype: nameText(intent.get(PDFName.of('S'))) ?? '',
    outputConditionIdentifier: identifier instanceof PDFString || identifier instanceof PDFHexString ? identifier.decodeText() : null,
    iccComponents: components ? components.asNumber() : null,
  };
}

/** The factur-x.xml file specification of the EmbeddedFiles name tree (its first level: what pdf-lib writes). */
function readAttachment(doc: PDFDocument): { summary: NonNullable<FacturXInspection['attachment']>; bytes: Uint8Array } | null {
  const names = doc.catalog
    .lookupMaybe(PDFName.of('Names'), PDFDict)
    ?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)
    ?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!names) return null;
  for (let i = 0; i + 1 < names.size(); i += 2) {
    const name = names.lookup(i);
    if (!(name instanceof PDFString || name instanceof PDFHexString) || name.decodeText() !== FACTURX_FILENAME) continue;
    const specRef = names.get(i + 1);
    const spec = names.lookupMaybe(i + 1, PDFDict);
    const file = spec?.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookupMaybe(PDFName.of('F'), PDFStream);
    if (!spec || !file) return null;
    const description = spec.lookup(PDFName.of('Desc'));
    const af = doc.catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
    const bytes = streamBytes(file);
    return {
      bytes,
      summary: {
        name: FACTURX_FILENAME,
        mimeType: nameText(file.dict.get(PDFName.of('Subtype'))),
        afRelationship: nameText(spec.get(PDFName.of('AFRelationship'))),
        description: description instanceof PDFString || description instanceof PDFHexString ? description.decodeText() : null,
        inCatalogAF: !!af && specRef instanceof PDFRef && af.asArray().some((entry) => entry instanceof PDFRef && entry === specRef),
        size: bytes.length,
      },
    };
  }
  return null;
}

function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
}

function nameText(value: unknown): string | null {
  return value instanceof PDFName ? value.decodeText() : null;
}

function numberOrNull(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

const XML_UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => XML_UNESCAPES[entity]!);
}
