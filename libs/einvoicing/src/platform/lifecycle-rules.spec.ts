import { becomesCurrent, sellerStatusProblem } from './lifecycle-rules';

describe('seller statuses', () => {
  it('need the e-invoice on a platform and its lifecycle open', () => {
    expect(sellerStatusProblem('generated', 212, [], null)).toMatch(/must be on the platform/);
    expect(sellerStatusProblem('failed', 212, [], null)).toMatch(/must be on the platform/);
    expect(sellerStatusProblem('rejected', 212, [200, 213], null)).toMatch(/closed/);
    expect(sellerStatusProblem('refused', 207, [200, 210], 'x')).toMatch(/closed/);
  });

  it('212 cashed in is sent once', () => {
    expect(sellerStatusProblem('approved', 212, [200, 205], null)).toBeNull();
    expect(sellerStatusProblem('cashed_in', 212, [200, 212], null)).toMatch(/already cashed in/);
  });

  it('207 disputed needs a reason and not a cashed-in invoice; 209 completed answers a suspension', () => {
    expect(sellerStatusProblem('made_available', 207, [200], null)).toMatch(/needs a reason/);
    expect(sellerStatusProblem('made_available', 207, [200], 'Livraison incomplète')).toBeNull();
    expect(sellerStatusProblem('cashed_in', 207, [212], 'x')).toMatch(/cashed-in/);
    expect(sellerStatusProblem('approved', 209, [205], null)).toMatch(/answers a suspension/);
    expect(sellerStatusProblem('suspended', 209, [208], null)).toBeNull();
  });
});

describe('the current status', () => {
  it('is the newest by the platform’s clock; at the same instant the later arrival wins', () => {
    const at = new Date('2026-11-24T10:00:00Z');
    expect(becomesCurrent(at, null)).toBe(true);
    expect(becomesCurrent(at, new Date('2026-11-24T09:59:59Z'))).toBe(true);
    expect(becomesCurrent(at, at)).toBe(true);
    expect(becomesCurrent(at, new Date('2026-11-24T10:00:01Z'))).toBe(false);
  });
});
