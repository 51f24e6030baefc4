import type { TenantTx } from '@comptoir/platform/database';
import { NUMBERED_DOCUMENT_TYPES, NumberedDocumentType } from './numbering.types';
import { SequenceFormat } from './number-pattern';

const PREFIXES: Record<NumberedDocumentType, string> = { quote: 'DE', order: 'CO', delivery_note: 'BL', invoice: 'FA', credit_note: 'AV', deposit: 'AC' };

/** The series a company starts with, e.g. invoices FA2026-00001, restarting every calendar year. */
export function defaultFormat(type: NumberedDocumentType): SequenceFormat {
  return { pattern: `${PREFIXES[type]}{yyyy}-`, counterWidth: 5, reset: 'yearly' };
}

/** Creates the company series of these document types that do not exist yet (concurrent callers are fine). */
export async function ensureDefaultSequences(tx: TenantTx, types: readonly NumberedDocumentType[] = NUMBERED_DOCUMENT_TYPES): Promise<void> {
  const formats = types.map(defaultFormat);
  await tx.manager.query(
    `INSERT INTO number_sequences (id, organization_id, company_id, document_type, establishment_id, pattern, counter_width, reset)
     SELECT gen_random_uuid(), $1, $2, d.document_type, NULL, d.pattern, d.counter_width, d.reset
       FROM unnest($3::text[], $4::text[], $5::int[], $6::text[]) AS d(document_type, pattern, counter_width, reset)
     ON CONFLICT (company_id, document_type) WHERE establishment_id IS NULL DO NOTHING`,
    [tx.ctx.organizationId, tx.ctx.companyId, types, formats.map((f) => f.pattern), formats.map((f) => f.counterWidth), formats.map((f) => f.reset)],
  );
}
