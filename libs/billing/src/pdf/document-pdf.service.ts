import { Injectable } from '@nestjs/common';
import { renderDocumentHtml } from '@comptoir/documents';
import { SealService } from '@comptoir/ledger-lock';
import { PdfRenderer } from '@comptoir/platform/pdf';
import { FileStore } from '@comptoir/platform/storage';
import { TenantContext } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import { DocumentType, sealKind } from '../document/document-kinds';
import { buildSnapshot, loadSnapshotParts } from '../document/document-snapshot';
import { loadDocument, loadWithLines } from '../document/document-store';
import { SalesDocumentEntity } from '../document/sales-document.entity';
import { toPrintable } from './printable-mapper';

export const PDF_CONTENT_TYPE = 'application/pdf';

export interface PdfFile {
  bytes: Buffer;
  filename: string;
}

/** Where the original PDF of a document is stored (write-once). */
export const originalKey = (doc: Pick<SalesDocumentEntity, 'companyId' | 'id'>) => `originals/${doc.companyId}/${doc.id}.pdf`;

const filename = (doc: SalesDocumentEntity) => `${(doc.number ?? `brouillon-${doc.id.slice(-8)}`).replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;

/**
 * PDFs of sales documents. A document without a frozen snapshot (a draft) is rendered on each request
 * with a SPECIMEN watermark (TEST in test mode) and never stored. A validated document has ONE
 * original: rendered once from its snapshot, stored write-once, sealed (invoices, credit notes,
 * deposits), then always served from the store — never re-rendered from newer templates.
 */
@Injectable()
export class DocumentPdfService {
  constructor(
    private readonly db: TenantDb,
    private readonly renderer: PdfRenderer,
    private readonly files: FileStore,
    private readonly seals: SealService,
  ) {}

  async pdf(ctx: TenantContext, type: DocumentType, id: string): Promise<PdfFile> {
    const doc = await this.db.transaction(ctx, (tx) => loadDocument(tx, type, id));
    if (doc.pdfKey) return { bytes: await this.files.get(doc.pdfKey), filename: filename(doc) };
    if (!doc.snapshot) return { bytes: await this.db.transaction(ctx, (tx) => this.renderSpecimen(tx, doc.id)), filename: filename(doc) };
    return { bytes: await this.db.transaction(ctx, (tx) => this.storeOriginal(tx, doc.id)), filename: filename(doc) };
  }

  /**
   * The stored original of a validated document, made now if it is not yet (the validation job and an
   * early request may race: the row lock lets one of them store it, the other serves what was stored).
   */
  async storeOriginal(tx: TenantTx, id: string): Promise<Buffer> {
    const first = await loadDocument(tx, null, id);
    if (first.pdfKey) return this.files.get(first.pdfKey);
    if (!first.snapshot) throw new Error(`Document ${id} has no snapshot: only validated documents have an original`);
    // Rendered before taking the row lock, so that a slow Chromium never holds it.
    const logoDataUrl = await establishmentLogo(tx, first.establishmentId);
    const rendered = await this.renderer.render(renderDocumentHtml(toPrintable(first.snapshot, { watermark: first.testMode ? 'TEST' : null, options: first.pdfOptions, logoDataUrl })));
    const doc = await loadDocument(tx, null, id, true);
    if (doc.pdfKey) return this.files.get(doc.pdfKey);
    const key = originalKey(doc);
    // A previous attempt that stored the file and then failed to commit: its file is the original.
    const bytes = (await this.files.exists(key)) ? await this.files.get(key) : rendered;
    const stored = await this.files.put(key, bytes, PDF_CONTENT_TYPE);
    await tx.manager.update(SalesDocumentEntity, { id: doc.id, companyId: tx.ctx.companyId }, { pdfKey: stored.key, pdfSha256: stored.sha256 });
    const sealed = sealKind(doc.type, doc.kind);
    if (sealed && !doc.testMode) {
      await this.seals.seal(tx, {
        kind: 'original',
        recordType: 'sales_document',
        recordId: doc.id,
        recordDate: doc.date,
        payload: { recordType: 'sales_document', recordId: doc.id, fileKey: stored.key, sha256: stored.sha256, contentType: PDF_CONTENT_TYPE },
      });
    }
    return bytes;
  }

  private async renderSpecimen(tx: TenantTx, id: string): Promise<Buffer> {
    const { doc, lines } = await loadWithLines(tx, null, id);
    const snapshot = buildSnapshot(doc, lines, await loadSnapshotParts(tx, [doc]));
    const logoDataUrl = await establishmentLogo(tx, doc.establishmentId);
    return this.renderer.render(renderDocumentHtml(toPrintable(snapshot, { watermark: doc.testMode ? 'TEST' : 'SPECIMEN', options: doc.pdfOptions, logoDataUrl })));
  }
}

/** The establishment's logo as it is now (establishments load without it: it can weigh 300 kB). */
async function establishmentLogo(tx: TenantTx, establishmentId: string): Promise<string | null> {
  const [row] = (await tx.manager.query(`SELECT logo FROM establishments WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, establishmentId])) as { logo: string | null }[];
  return row?.logo ?? null;
}
