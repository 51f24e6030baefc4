import fc from 'fast-check';
import { MERGE_FIELDS, MergeField, mergeTemplate, MergeValues, unknownMergeFields } from './merge-fields';
import { DEFAULT_DUNNING_STEPS } from './dunning-defaults';

const FIELDS = Object.keys(MERGE_FIELDS) as MergeField[];
const valuesArb = fc.record(Object.fromEntries(FIELDS.map((f) => [f, fc.string()])) as Record<MergeField, fc.Arbitrary<string>>);

describe('mergeTemplate', () => {
  it('resolves every field of the default templates', () => {
    for (const step of DEFAULT_DUNNING_STEPS) {
      const text = mergeTemplate(`${step.subject}\n${step.body}`, MERGE_FIELDS as MergeValues);
      expect(text).not.toMatch(/\{\{/);
      expect(unknownMergeFields(step.body)).toEqual([]);
    }
  });

  it('puts each value in place, tolerating spaces inside the braces', () => {
    const values = { ...MERGE_FIELDS, 'invoice.number': 'F-1', 'customer.name': 'Garage Petit' } as MergeValues;
    expect(mergeTemplate('Facture {{invoice.number}} pour {{ customer.name }}.', values)).toBe('Facture F-1 pour Garage Petit.');
  });

  it('never substitutes inside a substituted value (one pass): a customer named "{{company.name}}" stays so', () => {
    fc.assert(
      fc.property(valuesArb, fc.constantFrom(...FIELDS), (values, field) => {
        const tricky = { ...values, [field]: '{{company.name}}' };
        expect(mergeTemplate(`<{{${field}}}>`, tricky)).toBe('<{{company.name}}>');
      }),
    );
  });

  it('leaves text without placeholders unchanged and keeps unknown ones visible', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('{{')), valuesArb, (text, values) => expect(mergeTemplate(text, values)).toBe(text)));
    expect(mergeTemplate('{{invoice.amount}}', MERGE_FIELDS as MergeValues)).toBe('{{invoice.amount}}');
    expect(unknownMergeFields('{{invoice.amount}} {{invoice.number}} {{foo.bar}}')).toEqual(['invoice.amount', 'foo.bar']);
  });
});
