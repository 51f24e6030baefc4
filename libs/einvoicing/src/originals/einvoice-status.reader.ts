import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';
import { EInvoiceLifecycleEventEntity } from '../platform/lifecycle-event.entity';
import { EInvoiceStatusDto } from './dto/einvoice-status.dto';
import { einvoiceFilename, storedFiles } from './einvoice-files';
import { einvoiceSection, EInvoiceOriginals } from './einvoice-originals.service';

/** Where the e-invoice of a validated document stands: its frozen e-invoice data, its originals, its platform lifecycle. */
@Injectable()
export class EInvoiceStatusReader {
  constructor(private readonly originals: EInvoiceOriginals) {}

  async status(tx: TenantTx, id: string): Promise<EInvoiceStatusDto> {
    const doc = await this.originals.validatedDocument(tx, id);
    const section = einvoiceSection(doc);
    const row = await this.originals.find(tx, id);
    const lifecycle = row
      ? await tx.repo(EInvoiceLifecycleEventEntity, 'Lifecycle event').query('l').andWhere('l.einvoiceId = :id', { id }).orderBy('l.occurredAt').addOrderBy('l.code').getMany()
      : [];
    return {
      status: row?.status ?? 'pending',
      profile: row?.profile ?? section?.profile ?? null,
      flow: row?.flow ?? section?.flow ?? null,
      inScope: section?.inScope ?? false,
      billingMode: section?.billingMode ?? null,
      generatedAt: row?.generatedAt.toISOString() ?? null,
      formats: row ? storedFiles(row).map((f) => ({ format: f.format, sha256: f.sha256, contentType: f.contentType, filename: einvoiceFilename(doc.number ?? doc.id, f.format) })) : [],
      warnings: section?.warnings ?? [],
      platform: row?.platform ?? null,
      platformRef: row?.platformRef ?? null,
      submittedAt: row?.submittedAt?.toISOString() ?? null,
      lastError: row?.lastError ?? null,
      lifecycle: lifecycle.map((e) => ({ code: e.code, status: e.status, occurredAt: e.occurredAt.toISOString(), source: e.source, reason: e.reason })),
    };
  }
}
