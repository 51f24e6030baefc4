import { isValidEan } from './ean';

describe('isValidEan', () => {
  it.each(['4006381333931', '3017620422003', '96385074', '73513537', '0000000000000'])('accepts %s', (ean) => {
    expect(isValidEan(ean)).toBe(true);
  });

  it.each(['4006381333932', '3017620422004', '96385075', '400638133393', '400638133393a', '', '4006381333931 ', '123456789012345'])('refuses %s', (ean) => {
    expect(isValidEan(ean)).toBe(false);
  });
});
