import { FRENCH_VAT_RATES } from './vat-rate-defaults';
import { vatCategoryProblems } from './vat-rules';

describe('vatCategoryProblems (EN 16931 rate / category / exemption reason)', () => {
  it('accepts every French default rate', () => {
    for (const rate of FRENCH_VAT_RATES) expect(vatCategoryProblems(rate)).toEqual([]);
  });

  it('refuses a positive rate outside category S, and S at 0 %', () => {
    expect(vatCategoryProblems({ rate: '20.00', category: 'Z', exemptionReason: null })).toEqual([{ path: 'category', message: expect.stringContaining('category S') }]);
    expect(vatCategoryProblems({ rate: '0', category: 'S', exemptionReason: null }, 'x.')).toEqual([{ path: 'x.category', message: expect.stringContaining('Z, E') }]);
  });

  it('needs an exemption reason for exempt categories and refuses one for S and Z', () => {
    expect(vatCategoryProblems({ rate: '0.00', category: 'E', exemptionReason: null })).toEqual([{ path: 'exemptionReason', message: expect.any(String) }]);
    expect(vatCategoryProblems({ rate: '0.00', category: 'Z', exemptionReason: 'Pourquoi pas' })).toEqual([{ path: 'exemptionReason', message: expect.any(String) }]);
    expect(vatCategoryProblems({ rate: '19.00', category: 'S', exemptionReason: 'Non' })).toHaveLength(1);
  });
});
