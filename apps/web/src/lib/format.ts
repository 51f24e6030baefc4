import i18n from '../i18n';

/** Intl locale of the UI language: French formats by default, British English beside it. */
export function locale(): string {
  return i18n.language?.startsWith('en') ? 'en-GB' : 'fr-FR';
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  const full = `${locale()}|${key}`;
  let value = cache.get(full) as T | undefined;
  if (!value) {
    value = make();
    cache.set(full, value);
  }
  return value;
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: string | Date | null | undefined): string {
  const date = toDate(value);
  return date ? cached('date', () => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' })).format(date) : '—';
}

export function formatDateTime(value: string | Date | null | undefined): string {
  const date = toDate(value);
  return date ? cached('datetime', () => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' })).format(date) : '—';
}

export function formatTime(value: string | Date | null | undefined): string {
  const date = toDate(value);
  return date ? cached('time', () => new Intl.DateTimeFormat(locale(), { timeStyle: 'short' })).format(date) : '';
}

export function formatNumber(value: number): string {
  return cached('number', () => new Intl.NumberFormat(locale())).format(value);
}

/** Display only (the value stays a decimal string everywhere else); 4 digits for unit prices. */
export function formatMoney(amount: string | number | null | undefined, currency = 'EUR', maxDigits: 2 | 4 = 2): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  return cached(`money:${currency}:${maxDigits}`, () => new Intl.NumberFormat(locale(), { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: maxDigits })).format(Number(amount));
}

/** "20 %", "5,5 %" from the API's "20.00", "5.50". */
export function formatPercent(rate: string | number | null | undefined): string {
  if (rate === null || rate === undefined || rate === '') return '—';
  return cached('percent', () => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 2 })).format(Number(rate) / 100);
}

/** Quantities: up to 4 decimals, no trailing zeros ("1,5"). */
export function formatQuantity(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return cached('quantity', () => new Intl.NumberFormat(locale(), { maximumFractionDigits: 4 })).format(Number(value));
}

/** "il y a 3 jours" / "3 days ago". */
export function formatRelative(value: string | Date | null | undefined, now = new Date()): string {
  const date = toDate(value);
  if (!date) return '—';
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const rtf = cached('relative', () => new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' })) as Intl.RelativeTimeFormat;
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(seconds, 'second');
}

/** SIREN shown in groups of three (732 829 320), as printed on French documents. */
export function formatSiren(value: string | null | undefined): string {
  if (!value) return '—';
  return value.length === 9 ? value.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3') : value;
}

export function formatSiret(value: string | null | undefined): string {
  if (!value) return '—';
  return value.length === 14 ? value.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, '$1 $2 $3 $4') : value;
}
