/**
 * French presentation of the snapshot's decimal strings. Intl formats decimal strings exactly (no conversion to
 * binary floating point), so "1234.505" rounds like a decimal, not like a double.
 */
type Decimal = Intl.StringNumericLiteral;

const money = new Map<string, Intl.NumberFormat>();
const quantity = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 4 });
const unitPrice = new Map<string, Intl.NumberFormat>();
const rate = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const date = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });

const cached = (cache: Map<string, Intl.NumberFormat>, currency: string, options: Intl.NumberFormatOptions) => {
  let format = cache.get(currency);
  if (!format) cache.set(currency, (format = new Intl.NumberFormat('fr-FR', { style: 'currency', currency, ...options })));
  return format;
};

/** "1 234,50 €" */
export function formatMoney(value: string, currency: string): string {
  return cached(money, currency, {}).format(value as Decimal);
}

/** Unit prices keep up to 4 decimals: "12,3456 €", "12,50 €". */
export function formatUnitPrice(value: string, currency: string): string {
  return cached(unitPrice, currency, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value as Decimal);
}

/** "2", "1,5" */
export function formatQuantity(value: string): string {
  return quantity.format(value as Decimal);
}

/** "20 %", "5,5 %" */
export function formatPercent(value: string): string {
  return `${rate.format(value as Decimal)} %`;
}

/** "23/11/2026" from an ISO calendar date. */
export function formatDate(isoDate: string): string {
  return date.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** true when a decimal string is non-zero ("0.00", "-0", "" are zero). */
export function isNonZero(value: string | null | undefined): boolean {
  return !!value && /[1-9]/.test(value);
}
