import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';

export interface PdfFont {
  name: string;
  subtype: string;
  /** The font program is in the file (PDF/A requires it): a FontFile/FontFile2/FontFile3 in its descriptor. */
  embedded: boolean;
}

const FONT_FILES = ['FontFile', 'FontFile2', 'FontFile3'].map((key) => PDFName.of(key));
/** CID fonts are reached through their Type0 parent and reported as part of it. */
const DESCENDANT_SUBTYPES = new Set(['CIDFontType0', 'CIDFontType2']);

/** Every font dictionary of the file (pages, forms, annotations alike), whether used on a page or not. */
export function listFonts(doc: PDFDocument): PdfFont[] {
  const fonts: PdfFont[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = nameOf(object.get(PDFName.of('Subtype')));
    if (DESCENDANT_SUBTYPES.has(subtype)) continue;
    fonts.push({ name: nameOf(object.get(PDFName.of('BaseFont'))) || '(unnamed)', subtype, embedded: isEmbedded(object, subtype) });
  }
  return fonts;
}

function isEmbedded(font: PDFDict, subtype: string): boolean {
  // A Type 3 font's glyphs are content streams of the file itself.
  if (subtype === 'Type3') return true;
  if (subtype === 'Type0') {
    const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict);
    return descendant ? hasFontFile(descendant) : false;
  }
  return hasFontFile(font);
}

function hasFontFile(font: PDFDict): boolean {
  const descriptor = font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  return !!descriptor && FONT_FILES.some((key) => descriptor.has(key));
}

function nameOf(value: unknown): string {
  return value instanceof PDFName ? value.decodeText() : '';
}
