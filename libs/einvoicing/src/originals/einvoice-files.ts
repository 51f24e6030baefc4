import type { SalesDocumentEntity } from '@comptoir/billing';
import type { EInvoiceEntity } from './einvoice.entity';
import { EINVOICE_FORMATS, EInvoiceFormat } from '../settings/einvoicing-settings.entity';

export const XML_CONTENT_TYPE = 'application/xml';
export const PDF_CONTENT_TYPE = 'application/pdf';

interface FormatFile {
  /** Appended to `originals/<companyId>/<id>`: beside the PDF original `<id>.pdf`. */
  keySuffix: string;
  contentType: string;
  /** The download name, from the document's number. */
  filename: (safeNumber: string) => string;
  /** Where the einvoices row keeps its key and hash. */
  columns: { key: 'ciiKey' | 'ublKey' | 'facturxKey'; sha256: 'ciiSha256' | 'ublSha256' | 'facturxSha256' };
}

/** The three originals of an e-invoice: where each is stored, how it is served. */
export const EINVOICE_FILES: Record<EInvoiceFormat, FormatFile> = {
  facturx: { keySuffix: '.facturx.pdf', contentType: PDF_CONTENT_TYPE, filename: (n) => `${n}-facturx.pdf`, columns: { key: 'facturxKey', sha256: 'facturxSha256' } },
  cii: { keySuffix: '.cii.xml', contentType: XML_CONTENT_TYPE, filename: (n) => `${n}.xml`, columns: { key: 'ciiKey', sha256: 'ciiSha256' } },
  ubl: { keySuffix: '.ubl.xml', contentType: XML_CONTENT_TYPE, filename: (n) => `${n}.xml`, columns: { key: 'ublKey', sha256: 'ublSha256' } },
};

/** `originals/<companyId>/<id>.cii.xml` …: write-once, like the PDF original. */
export const einvoiceKey = (doc: Pick<SalesDocumentEntity, 'companyId' | 'id'>, format: EInvoiceFormat) => `originals/${doc.companyId}/${doc.id}${EINVOICE_FILES[format].keySuffix}`;

/** The download name of one format: the legal number, kept to characters every file system accepts. */
export const einvoiceFilename = (number: string, format: EInvoiceFormat) => EINVOICE_FILES[format].filename(number.replace(/[^A-Za-z0-9._-]/g, '_'));

export interface EInvoiceFileRef {
  format: EInvoiceFormat;
  key: string;
  sha256: string;
  contentType: string;
}

/** The stored files an einvoices row points to, in the order formats are listed. */
export const storedFiles = (row: EInvoiceEntity): EInvoiceFileRef[] =>
  EINVOICE_FORMATS.map((format) => {
    const { columns, contentType } = EINVOICE_FILES[format];
    return { format, key: row[columns.key], sha256: row[columns.sha256], contentType };
  });
