import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
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

/** Originals printed together by the worker (one bulk print, see storeOriginalBacklog). */
export const BACKLOG_BATCH = 50;

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
    const [rendered] = await this.renderOriginals(tx, [first]);
    const doc = await loadDocument(tx, null, id, true);
    if (doc.pdfKey) return this.files.get(doc.pdfKey);
    const [bytes] = await this.persistOriginals(tx, [doc], [rendered as Buffer]);
    return bytes as Buffer;
  }

  /**
   * The worker's path: stores the original of `id` together with up to BACKLOG_BATCH - 1 other validated
   * invoices of the company still waiting for theirs, printed in ONE bulk print (PdfRenderer.renderMany).
   * After a batch validation of thousands of invoices, each event then finds its document already
   * stored by an earlier one and costs nothing. Rows are claimed with SKIP LOCKED, so concurrent
   * consumers share the backlog instead of printing the same documents twice. Returns how many
   * originals were printed in the bulk print.
   */
  async storeOriginalBacklog(tx: TenantTx, id: string): Promise<number> {
    const claimed = (await tx.manager.query(
      `SELECT id FROM sales_documents
        WHERE company_id = $1 AND type = 'invoice' AND snapshot IS NOT NULL AND pdf_key IS NULL
        ORDER BY (id = $2) DESC, validated_at, id
        LIMIT $3
        FOR UPDATE SKIP LOCKED`,
      [tx.ctx.companyId, id, BACKLOG_BATCH],
    )) as { id: string }[];
    const docs = await documentsByIds(tx, claimed.map((row) => row.id));
    if (docs.length) await this.persistOriginals(tx, docs, await this.renderOriginals(tx, docs));
    // The event's own document was locked by someone else (another consumer printing it, or a credit
    // note being validated against it): wait for that lock rather than leave the document without its
    // original once this event counts as handled.
    if (!docs.some((doc) => doc.id === id)) await this.storeOriginal(tx, id);
    return docs.length;
  }

  private async renderOriginals(tx: TenantTx, docs: SalesDocumentEntity[]): Promise<Buffer[]> {
    const logos = await establishmentLogos(tx, [...new Set(docs.map((d) => d.establishmentId))]);
    const htmls = docs.map((doc) =>
      renderDocumentHtml(toPrintable(doc.snapshot!, { watermark: doc.testMode ? 'TEST' : null, options: doc.pdfOptions, logoDataUrl: logos.get(doc.establishmentId) ?? null })),
    );
    return htmls.length === 1 ? [await this.renderer.render(htmls[0] as string)] : this.renderer.renderMany(htmls);
  }

  /** Stores each rendering as its document's original (write-once), records it on the row and seals it. */
  private async persistOriginals(tx: TenantTx, docs: SalesDocumentEntity[], rendered: Buffer[]): Promise<Buffer[]> {
    const stored = await Promise.all(
      docs.map(async (doc, i) => {
        const key = originalKey(doc);
        // A previous attempt that stored the file and then failed to commit: its file is the original.
        const bytes = (await this.files.exists(key)) ? await this.files.get(key) : (rendered[i] as Buffer);
        return { doc, bytes, file: await this.files.put(key, bytes, PDF_CONTENT_TYPE) };
      }),
    );
    await tx.manager.query(
      `UPDATE sales_documents d SET pdf_key = f.key, pdf_sha256 = f.sha256
         FROM unnest($2::uuid[], $3::text[], $4::text[]) AS f(id, key, sha256)
        WHERE d.company_id = $1 AND d.id = f.id`,
      [tx.ctx.companyId, stored.map((s) => s.doc.id), stored.map((s) => s.file.key), stored.map((s) => s.file.sha256)],
    );
    const seals = stored.filter(({ doc }) => sealKind(doc.type, doc.kind) && !doc.testMode);
    await this.seals.sealMany(
      tx,
      seals.map(({ doc, file }) => ({
        kind: 'original' as const,
        recordType: 'sales_document',
        recordId: doc.id,
        recordDate: doc.date,
        payload: { recordType: 'sales_document', recordId: doc.id, fileKey: file.key, sha256: file.sha256, contentType: PDF_CONTENT_TYPE },
      })),
    );
    return stored.map((s) => s.bytes);
  }

  private async renderSpecimen(tx: TenantTx, id: string): Promise<Buffer> {
    const { doc, lines } = await loadWithLines(tx, null, id);
    const snapshot = buildSnapshot(doc, lines, await loadSnapshotParts(tx, [doc]));
    const logos = await establishmentLogos(tx, [doc.establishmentId]);
    return this.renderer.render(renderDocumentHtml(toPrintable(snapshot, { watermark: doc.testMode ? 'TEST' : 'SPECIMEN', options: doc.pdfOptions, logoDataUrl: logos.get(doc.establishmentId) ?? null })));
  }
}

/** The establishments' logos as they are now (establishments load without them: one can weigh 300 kB). */
async function establishmentLogos(tx: TenantTx, establishmentIds: string[]): Promise<Map<string, string | null>> {
  const rows = (await tx.manager.query(`SELECT id, logo FROM establishments WHERE company_id = $1 AND id = ANY($2::uuid[])`, [tx.ctx.companyId, establishmentIds])) as { id: string; logo: string | null }[];
  return new Map(rows.map((row) => [row.id, row.logo]));
}

/** Documents by id, in the order of `ids`. */
async function documentsByIds(tx: TenantTx, ids: string[]): Promise<SalesDocumentEntity[]> {
  const found = await tx.manager.find(SalesDocumentEntity, { where: { companyId: tx.ctx.companyId, id: In(ids) } });
  const byId = new Map(found.map((doc) => [doc.id, doc]));
  return ids.map((id) => byId.get(id)).filter((doc): doc is SalesDocumentEntity => !!doc);
}
