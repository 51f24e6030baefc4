/**
 * The sheet every PDF is printed on: A4 with fixed margins, owned by the renderer so that the bulk path can
 * estimate page counts (content box below) and templates can size their running footer (the bottom margin holds
 * the @page margin boxes). 96 CSS px per inch, as Chromium prints.
 */
export const PDF_PAGE = {
  format: 'A4',
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 12, right: 14, bottom: 26, left: 14 },
} as const;

const PX_PER_MM = 96 / 25.4;

/** Width and height, in CSS px, of the area the body flows into on each page. */
export const PDF_CONTENT_BOX = {
  width: (PDF_PAGE.widthMm - PDF_PAGE.marginMm.left - PDF_PAGE.marginMm.right) * PX_PER_MM,
  height: (PDF_PAGE.heightMm - PDF_PAGE.marginMm.top - PDF_PAGE.marginMm.bottom) * PX_PER_MM,
};

/** Untagged: Chromium's tagged-PDF structure tree made prints 30 % slower and files 7× larger (see ADR 0006). */
export const PDF_PRINT_OPTIONS = {
  format: PDF_PAGE.format,
  printBackground: true,
  tagged: false,
  outline: false,
  margin: {
    top: `${PDF_PAGE.marginMm.top}mm`,
    right: `${PDF_PAGE.marginMm.right}mm`,
    bottom: `${PDF_PAGE.marginMm.bottom}mm`,
    left: `${PDF_PAGE.marginMm.left}mm`,
  },
} as const;
