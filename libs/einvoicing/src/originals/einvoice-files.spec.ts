import { EInvoiceEntity } from './einvoice.entity';
import { einvoiceFilename, einvoiceKey, storedFiles } from './einvoice-files';

describe('e-invoice files', () => {
  const doc = { companyId: '01934567-89ab-7cde-8f01-23456789abcd', id: '01934567-89ab-7cde-8f01-0000000000aa' };

  it('stores each format beside the PDF original, under the company', () => {
    expect([einvoiceKey(doc, 'cii'), einvoiceKey(doc, 'ubl'), einvoiceKey(doc, 'facturx')]).toEqual([
      `originals/${doc.companyId}/${doc.id}.cii.xml`,
      `originals/${doc.companyId}/${doc.id}.ubl.xml`,
      `originals/${doc.companyId}/${doc.id}.facturx.pdf`,
    ]);
  });

  it('names downloads after the number, keeping only characters every file system accepts', () => {
    expect(einvoiceFilename('FA-2026-00042', 'facturx')).toBe('FA-2026-00042-facturx.pdf');
    expect(einvoiceFilename('FA-2026-00042', 'ubl')).toBe('FA-2026-00042.xml');
    expect(einvoiceFilename('FA 2026/42"é', 'cii')).toBe('FA_2026_42__.xml');
  });

  it('lists a row’s stored files in the order of the formats, with their content types', () => {
    const row = Object.assign(new EInvoiceEntity(), { ciiKey: 'c', ciiSha256: '1', ublKey: 'u', ublSha256: '2', facturxKey: 'f', facturxSha256: '3' });
    expect(storedFiles(row)).toEqual([
      { format: 'facturx', key: 'f', sha256: '3', contentType: 'application/pdf' },
      { format: 'cii', key: 'c', sha256: '1', contentType: 'application/xml' },
      { format: 'ubl', key: 'u', sha256: '2', contentType: 'application/xml' },
    ]);
  });
});
