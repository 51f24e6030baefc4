/** EAN-13 symbol as inline SVG (module patterns of ISO/IEC 15420); null when the value is not a valid EAN-13. */
const L_CODES = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const R_CODES = L_CODES.map((code) => code.replace(/./g, (bit) => (bit === '0' ? '1' : '0')));
const G_CODES = R_CODES.map((code) => [...code].reverse().join(''));
/** Which left-half digits use the G set, by first digit. */
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

export function ean13Svg(value: string): string | null {
  if (!/^\d{13}$/.test(value)) return null;
  const digits = [...value].map(Number);
  const check = (10 - (digits.slice(0, 12).reduce((sum, d, i) => sum + d * (i % 2 ? 3 : 1), 0) % 10)) % 10;
  if (check !== digits[12]) return null;
  const left = digits.slice(1, 7).map((d, i) => (PARITY[digits[0]!]![i] === 'G' ? G_CODES : L_CODES)[d]);
  const right = digits.slice(7).map((d) => R_CODES[d]);
  const modules = `101${left.join('')}01010${right.join('')}101`;
  const bars = [...modules.matchAll(/1+/g)].map((run) => `<rect x="${run.index}" y="0" width="${run[0].length}" height="22"/>`).join('');
  return `<svg class="barcode" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 95 30" width="95" height="30" role="img" aria-label="EAN ${value}">${bars}<text x="47.5" y="29" text-anchor="middle" font-size="7">${value}</text></svg>`;
}
