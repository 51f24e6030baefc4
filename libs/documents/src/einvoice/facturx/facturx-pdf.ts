import { createHash } from 'node:crypto';
import { AFRelationship, PDFDict, PDFDocument, PDFHeader, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { buildFacturXXmp, FACTURX_FILENAME, FacturXConformanceLevel, FacturXXmpFields } from './facturx-xmp';
import { listFonts } from './pdf-fonts';
import { SRGB_OUTPUT_CONDITION, srgbIccProfile } from './srgb-icc';

export interface FacturXMeta {
  conformanceLevel: FacturXConformanceLevel;
  documentNumber: string;
  /** YYYY-MM-DD. */
  issueDate: string;
  sellerName: string;
  title: string;
  typeLabel: string;
}

/**
 * The embedded XML is the full EN 16931 / EXTENDED invoice, i.e. another representation of what the pages show:
 * /Alternative says exactly that; Factur-X 1.0 allows it for these profiles and ZUGFeRD 2.x expects it (ADR 0015).
 */
export const FACTURX_AF_RELATIONSHIP = AFRelationship.Alternative;
export const FACTURX_MIME_TYPE = 'text/xml';
const CREATOR_TOOL = 'Comptoir';
/** Annotation flags (PDF 32000-1 table 165): PDF/A wants Print set and the four that hide an annotation cleared. */
const ANNOTATION_PRINT = 4;
const ANNOTATION_HIDING = 1 | 2 | 32 | 256; // Invisible, Hidden, NoView, ToggleNoView
const PRODUCER_SUFFIX = 'Comptoir Factur-X (pdf-lib)';

/**
 * A printed PDF (Chromium's, with its fonts embedded) turned into a Factur-X PDF/A-3B that carries `cii` as
 * `factur-x.xml`. A pure function of its inputs: the dates are the printed PDF's and the trailer /ID is a hash of
 * the inputs, so the same original always gives the same bytes.
 */
export async function toFacturX(pdf: Uint8Array, cii: string, meta: FacturXMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (doc.isEncrypted) throw new Error('Factur-X: the PDF is encrypted, PDF/A forbids it');
  const missing = listFonts(doc).filter((font) => !font.embedded);
  if (missing.length > 0) throw new Error(`Factur-X: fonts not embedded, PDF/A forbids it: ${missing.map((font) => font.name).join(', ')}`);

  const xml = Buffer.from(cii, 'utf8');
  const createdAt = doc.getCreationDate() ?? new Date(`${meta.issueDate}T00:00:00Z`);
  const modifiedAt = doc.getModificationDate() ?? createdAt;
  const fields: FacturXXmpFields = {
    title: meta.title,
    author: meta.sellerName,
    subject: `${meta.typeLabel} ${meta.documentNumber} du ${meta.issueDate} (Factur-X ${meta.conformanceLevel})`,
    creatorTool: CREATOR_TOOL,
    producer: [doc.getProducer(), PRODUCER_SUFFIX].filter(Boolean).join('; '),
    createdAt: wholeSeconds(createdAt),
    modifiedAt: wholeSeconds(modifiedAt),
    conformanceLevel: meta.conformanceLevel,
  };

  doc.context.header = PDFHeader.forVersion(1, 7);
  writeInfo(doc, fields);
  writeMetadata(doc, buildFacturXXmp(fields));
  writeOutputIntent(doc);
  makeAnnotationsPrintable(doc);
  await doc.attach(xml, FACTURX_FILENAME, {
    mimeType: FACTURX_MIME_TYPE,
    description: `Factur-X ${meta.conformanceLevel} invoice ${meta.documentNumber}`,
    creationDate: fields.createdAt,
    modificationDate: fields.modifiedAt,
    afRelationship: FACTURX_AF_RELATIONSHIP,
  });
  const id = PDFHexString.of(createHash('sha256').update(pdf).update(xml).digest('hex').slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  // A classic cross-reference table and trailer: what every PDF/A reader and validator reads first.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** The Info dictionary, rebuilt so that every entry has its XMP twin with the same value (PDF/A-3 6.6.3). */
function writeInfo(doc: PDFDocument, fields: FacturXXmpFields): void {
  const info = doc.context.obj({
    Title: PDFHexString.fromText(fields.title),
    Author: PDFHexString.fromText(fields.author),
    Subject: PDFHexString.fromText(fields.subject),
    Creator: PDFHexString.fromText(fields.creatorTool),
    Producer: PDFHexString.fromText(fields.producer),
    CreationDate: PDFString.fromDate(fields.createdAt),
    ModDate: PDFString.fromDate(fields.modifiedAt),
  });
  // In place of the printed Info object, so that no orphan copy of Chromium's entries stays in the file.
  const existing = doc.context.trailerInfo.Info;
  if (existing instanceof PDFRef) doc.context.assign(existing, info);
  else doc.context.trailerInfo.Info = doc.context.register(info);
}

/** XMP must stay uncompressed so that a reader that does not know the PDF can still find it. */
function writeMetadata(doc: PDFDocument, xmp: string): void {
  const stream = doc.context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

function writeOutputIntent(doc: PDFDocument): void {
  const profile = doc.context.flateStream(srgbIccProfile(), { N: 3 });
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_OUTPUT_CONDITION),
    Info: PDFString.of(SRGB_OUTPUT_CONDITION),
    DestOutputProfile: doc.context.register(profile),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([doc.context.register(intent)]));
}

/** Chromium writes its link annotations (an `<a href>` in the HTML) without /F: PDF/A wants them printed. */
function makeAnnotationsPrintable(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annotations = page.node.Annots();
    for (let i = 0; i < (annotations?.size() ?? 0); i++) {
      const annotation = annotations!.lookupMaybe(i, PDFDict);
      if (!annotation) continue;
      const flags = annotation.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
      annotation.set(PDFName.of('F'), PDFNumber.of((flags | ANNOTATION_PRINT) & ~ANNOTATION_HIDING));
    }
  }
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
