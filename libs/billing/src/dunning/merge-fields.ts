/** The merge fields a dunning template may use, each with an example for the settings page. */
export const MERGE_FIELDS = {
  'customer.name': 'Boulangerie Martin',
  'invoice.number': 'F-2026-00042',
  'invoice.date': '15/09/2026',
  'invoice.dueDate': '15/10/2026',
  'invoice.total': '1 200,00 €',
  'invoice.balanceDue': '600,00 €',
  'invoice.daysOverdue': '31',
  'company.name': 'Atelier Démo SAS',
  'step.name': 'Relance 1',
  'step.feeNote': 'Indemnité forfaitaire de 40 €',
} as const;

export type MergeField = keyof typeof MERGE_FIELDS;
export type MergeValues = Record<MergeField, string>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+\.[a-zA-Z]+)\s*\}\}/g;

/** Fields a template names that do not exist (the settings refuse them, so a mail never shows "{{…}}"). */
export function unknownMergeFields(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(name in MERGE_FIELDS));
}

/** Replaces every {{field}} by its value, in one pass: a value that itself looks like "{{x}}" stays as it is. */
export function mergeTemplate(template: string, values: MergeValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name as MergeField] : whole));
}
