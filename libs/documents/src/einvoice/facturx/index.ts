export * from './facturx-pdf';
export * from './facturx-inspect';
export { FACTURX_FILENAME, FACTURX_NAMESPACE } from './facturx-xmp';
export type { FacturXConformanceLevel } from './facturx-xmp';
export type { PdfFont } from './pdf-fonts';
