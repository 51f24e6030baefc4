import { ConflictError, newId, NotFoundError } from '@comptoir/platform/kernel';
import { TenantTx } from '@comptoir/platform/database';
import { DocumentType, LinkRelation } from './document-kinds';
import { SalesDocumentLineEntity } from './sales-document-line.entity';
import { SalesDocumentLinkEntity } from './sales-document-link.entity';
import { SalesDocumentEntity } from './sales-document.entity';

/** A document with its lines in display order. */
export interface LoadedDocument {
  doc: SalesDocumentEntity;
  lines: SalesDocumentLineEntity[];
}

export const documents = (tx: TenantTx) => tx.repo(SalesDocumentEntity, 'Document');
export const documentLines = (tx: TenantTx) => tx.repo(SalesDocumentLineEntity, 'Document line');
export const documentLinks = (tx: TenantTx) => tx.repo(SalesDocumentLinkEntity, 'Document link');

const LABELS: Record<DocumentType, string> = { quote: 'Quote', order: 'Order', delivery_note: 'Delivery note', invoice: 'Invoice' };

/**
 * The caller's document of the given type, or 404 (another type under this URL reads as absent too).
 * `lock` takes the row lock every state change needs, so concurrent validations serialise on it.
 */
export async function loadDocument(tx: TenantTx, type: DocumentType | null, id: string, lock = false): Promise<SalesDocumentEntity> {
  const qb = documents(tx).query('d').andWhere('d.id = :id', { id });
  if (type) qb.andWhere('d.type = :type', { type });
  if (lock) qb.setLock('pessimistic_write');
  const doc = await qb.getOne();
  if (!doc) throw new NotFoundError(type ? LABELS[type] : 'Document');
  return doc;
}

export async function loadLines(tx: TenantTx, documentId: string): Promise<SalesDocumentLineEntity[]> {
  return documentLines(tx).query('l').andWhere('l.documentId = :documentId', { documentId }).orderBy('l.position').getMany();
}

export async function loadWithLines(tx: TenantTx, type: DocumentType | null, id: string, lock = false): Promise<LoadedDocument> {
  const doc = await loadDocument(tx, type, id, lock);
  return { doc, lines: await loadLines(tx, doc.id) };
}

/** Only drafts can be edited or deleted. */
export function assertDraft(doc: SalesDocumentEntity): void {
  if (doc.status !== 'draft') throw new ConflictError('document_locked', `This document is ${doc.status}: only drafts can be changed`);
}

/** Replaces every line of a draft. */
export async function replaceLines(tx: TenantTx, documentId: string, lines: SalesDocumentLineEntity[]): Promise<void> {
  await tx.manager.delete(SalesDocumentLineEntity, { companyId: tx.ctx.companyId, documentId });
  await insertLines(tx, lines);
}

export async function insertLines(tx: TenantTx, lines: SalesDocumentLineEntity[]): Promise<void> {
  for (const line of lines) {
    line.organizationId = tx.ctx.organizationId;
    line.companyId = tx.ctx.companyId;
  }
  // Chunks keep the statement under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < lines.length; i += 2000) await tx.manager.insert(SalesDocumentLineEntity, lines.slice(i, i + 2000));
}

/** Writes the nets the engine recomputed (one statement for all changed lines). */
export async function updateLineNets(tx: TenantTx, lines: SalesDocumentLineEntity[]): Promise<void> {
  if (!lines.length) return;
  await tx.manager.query(
    `UPDATE sales_document_lines l SET net = v.net::numeric FROM unnest($1::uuid[], $2::text[]) AS v(id, net) WHERE l.id = v.id AND l.company_id = $3`,
    [lines.map((l) => l.id), lines.map((l) => l.net), tx.ctx.companyId],
  );
}

export async function link(tx: TenantTx, parentId: string, childId: string, relation: LinkRelation): Promise<void> {
  await documentLinks(tx).insert({ id: newId(), parentId, childId, relation, createdAt: new Date() });
}
