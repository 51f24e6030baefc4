export * from './printable-document';
export * from './invoice-mentions';
export * from './render-document-html';
export * from './sample-documents';
export { formatDate, formatMoney } from './format';
export * from './einvoice/einvoice.model';
export * from './einvoice/facturx';
export { writeCii } from './einvoice/cii/cii-writer';
export { writeUbl } from './einvoice/ubl/ubl-writer';
