import { Injectable } from '@nestjs/common';
import { TenantTx } from '@comptoir/platform/database';
import { SalesDocumentLineEntity } from './sales-document-line.entity';
import { SalesDocumentEntity } from './sales-document.entity';

/** A document being validated, its snapshot just built and not sealed yet. */
export interface DraftBeingValidated {
  doc: SalesDocumentEntity;
  lines: SalesDocumentLineEntity[];
  snapshot: Record<string, unknown>;
}

/**
 * A module above billing that freezes more data with a validated document (e-invoicing: routing ids,
 * payment means, billing mode) or refuses its validation. `prepare` reads what it needs for these
 * drafts BEFORE the number series and chain head are locked; the step it returns runs on each draft
 * once its snapshot is built, inside the validating transaction: it may add its own section to the
 * snapshot (sealed with it) or throw a 4xx error, which rolls everything back, the number included.
 */
export interface SnapshotExtension {
  readonly key: string;
  prepare(tx: TenantTx, docs: SalesDocumentEntity[]): Promise<(draft: DraftBeingValidated) => void>;
}

/** The snapshot extensions modules registered (each registers itself when its module starts). */
@Injectable()
export class SnapshotExtensions {
  private readonly extensions = new Map<string, SnapshotExtension>();

  register(extension: SnapshotExtension): void {
    const existing = this.extensions.get(extension.key);
    if (existing && existing !== extension) throw new Error(`A snapshot extension "${extension.key}" is already registered`);
    this.extensions.set(extension.key, extension);
  }

  /** Prepares every extension for these drafts; the returned step applies them all to one draft. */
  async prepare(tx: TenantTx, docs: SalesDocumentEntity[]): Promise<(draft: DraftBeingValidated) => void> {
    const steps = await Promise.all([...this.extensions.values()].map((extension) => extension.prepare(tx, docs)));
    return (draft) => steps.forEach((step) => step(draft));
  }
}
