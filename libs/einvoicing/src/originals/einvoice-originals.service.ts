import { Injectable } from '@nestjs/common';
import { toFacturX, writeCii, writeUbl, DOCUMENT_TITLES } from '@comptoir/documents';
import { DocumentPdfService, SalesDocumentEntity } from '@comptoir/billing';
import { SealService } from '@comptoir/ledger-lock';
import { FileStore, StoredFile } from '@comptoir/platform/storage';
import { ConflictError, NotFoundError, TenantContext } from '@comptoir/platform/kernel';
import { TenantDb, TenantTx } from '@comptoir/platform/database';
import type { EInvoiceSnapshotSection } from '../completeness/einvoice-section';
import { toEInvoice } from '../mapping/to-einvoice';
import type { EInvoiceFormat } from '../settings/einvoicing-settings.entity';
import { EInvoiceEntity } from './einvoice.entity';
import { EINVOICE_FILES, einvoiceFilename, einvoiceKey } from './einvoice-files';

/** Emitted when a document's originals are made (not for TEST documents): what may submit them starts here. */
export const EINVOICE_GENERATED_EVENT = 'einvoicing.einvoice.generated';

export interface EInvoiceGeneratedPayload {
  documentId: string;
  number: string | null;
  flow: EInvoiceSnapshotSection['flow'];
}

export interface EInvoiceDownload {
  bytes: Buffer;
  sha256: string;
  contentType: string;
  filename: string;
}

/** The e-invoice section of a validated document's snapshot; null on documents validated before e-invoicing existed. */
export function einvoiceSection(doc: Pick<SalesDocumentEntity, 'snapshot'>): EInvoiceSnapshotSection | null {
  return (doc.snapshot?.['einvoice'] as EInvoiceSnapshotSection | undefined) ?? null;
}

/**
 * The e-invoice originals of validated invoices, credit notes and deposit invoices: the CII and UBL
 * written from the sealed snapshot (never from the live rows, so they never change), and the Factur-X
 * PDF/A-3 — the stored PDF original with that CII embedded. Each is stored write-once and sealed in
 * the ledger as an `original` (TEST documents: stored, never sealed). Made once: by the worker after
 * validation, or by the first request that comes before it.
 */
@Injectable()
export class EInvoiceOriginals {
  constructor(
    private readonly db: TenantDb,
    private readonly pdfs: DocumentPdfService,
    private readonly files: FileStore,
    private readonly seals: SealService,
  ) {}

  /** The validated invoice, credit note or deposit invoice `id`; 404 for drafts, other documents and other tenants. */
  async validatedDocument(tx: TenantTx, id: string): Promise<SalesDocumentEntity> {
    const doc = await tx.repo(SalesDocumentEntity, 'Validated invoice').query('d').andWhere('d.id = :id', { id }).andWhere(`d.type = 'invoice'`).getOne();
    if (!doc?.snapshot) throw new NotFoundError('Validated invoice');
    return doc;
  }

  find(tx: TenantTx, id: string): Promise<EInvoiceEntity | null> {
    return tx.repo(EInvoiceEntity, 'E-invoice').findById(id);
  }

  /**
   * The einvoices row of a validated document (see validatedDocument), its originals made now if they are not yet. The worker
   * and an early request may race: the document's row lock lets one of them make the originals, the
   * other then finds the row and returns it, so a redelivered event changes nothing.
   */
  async ensure(tx: TenantTx, doc: SalesDocumentEntity): Promise<EInvoiceEntity> {
    const made = await this.find(tx, doc.id);
    if (made) return made;
    const section = einvoiceSection(doc);
    if (!section) throw new ConflictError('einvoice_unavailable', 'This document was validated before e-invoicing existed: its snapshot has no e-invoice data');
    // Rendered (or read) before the lock: the PDF original takes the same row lock while it stores itself.
    const pdf = await this.pdfs.storeOriginal(tx, doc.id);
    await tx.manager.query(`SELECT 1 FROM sales_documents WHERE company_id = $1 AND id = $2 FOR UPDATE`, [tx.ctx.companyId, doc.id]);
    const raced = await this.find(tx, doc.id);
    if (raced) return raced;
    return this.persist(tx, doc, section, pdf);
  }

  /** One stored original of a validated document, made now if the worker has not made it yet. */
  async download(ctx: TenantContext, id: string, format: EInvoiceFormat): Promise<EInvoiceDownload> {
    const { doc, row } = await this.db.transaction(ctx, async (tx) => {
      const validated = await this.validatedDocument(tx, id);
      return { doc: validated, row: await this.ensure(tx, validated) };
    });
    const { columns, contentType } = EINVOICE_FILES[format];
    return { bytes: await this.files.get(row[columns.key]), sha256: row[columns.sha256], contentType, filename: einvoiceFilename(doc.number ?? doc.id, format) };
  }

  private async persist(tx: TenantTx, doc: SalesDocumentEntity, section: EInvoiceSnapshotSection, pdf: Buffer): Promise<EInvoiceEntity> {
    const einvoice = toEInvoice(doc.snapshot!);
    const cii = await this.original(doc, 'cii', async () => Buffer.from(writeCii(einvoice), 'utf8'));
    const ubl = await this.original(doc, 'ubl', async () => Buffer.from(writeUbl(einvoice), 'utf8'));
    // The Factur-X embeds the CII that IS the original (a file left by an earlier attempt included).
    const typeLabel = DOCUMENT_TITLES[doc.kind ?? 'invoice'];
    const facturx = await this.original(doc, 'facturx', async () =>
      Buffer.from(
        await toFacturX(pdf, cii.bytes.toString('utf8'), {
          conformanceLevel: section.profile === 'EN16931' ? 'EN 16931' : 'EXTENDED',
          documentNumber: einvoice.number,
          issueDate: einvoice.issueDate,
          sellerName: einvoice.seller.name,
          title: `${typeLabel} ${einvoice.number}`,
          typeLabel,
        }),
      ),
    );
    const stored = { cii: cii.file, ubl: ubl.file, facturx: facturx.file };
    const row = await tx.repo(EInvoiceEntity, 'E-invoice').insert({
      id: doc.id,
      profile: section.profile,
      flow: section.flow,
      ciiKey: stored.cii.key,
      ciiSha256: stored.cii.sha256,
      ublKey: stored.ubl.key,
      ublSha256: stored.ubl.sha256,
      facturxKey: stored.facturx.key,
      facturxSha256: stored.facturx.sha256,
      status: 'generated',
    });
    await tx.manager.query(`UPDATE sales_documents SET einvoice_status = 'generated' WHERE company_id = $1 AND id = $2`, [tx.ctx.companyId, doc.id]);
    if (!doc.testMode) {
      await this.seal(tx, doc, stored);
      const payload: EInvoiceGeneratedPayload = { documentId: doc.id, number: doc.number, flow: section.flow };
      tx.emit({ name: EINVOICE_GENERATED_EVENT, aggregateType: 'einvoice', aggregateId: doc.id, payload: { ...payload } });
    }
    // Read back for the columns the database filled (generatedAt, statusAt).
    return (await this.find(tx, row.id))!;
  }

  /** One original file: the one already stored under its key (an attempt that stored it, then failed to commit), else made now. */
  private async original(doc: SalesDocumentEntity, format: EInvoiceFormat, make: () => Promise<Buffer>): Promise<{ bytes: Buffer; file: StoredFile }> {
    const key = einvoiceKey(doc, format);
    const bytes = (await this.files.exists(key)) ? await this.files.get(key) : await make();
    return { bytes, file: await this.files.put(key, bytes, EINVOICE_FILES[format].contentType) };
  }

  private async seal(tx: TenantTx, doc: SalesDocumentEntity, stored: Record<EInvoiceFormat, StoredFile>): Promise<void> {
    await this.seals.sealMany(
      tx,
      (['cii', 'ubl', 'facturx'] as const).map((format) => ({
        kind: 'original' as const,
        recordType: 'sales_document',
        recordId: doc.id,
        recordDate: doc.date,
        payload: { recordType: 'sales_document', recordId: doc.id, fileKey: stored[format].key, sha256: stored[format].sha256, contentType: EINVOICE_FILES[format].contentType },
      })),
    );
  }
}
