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

export function formatMoney(amount: string | number, currency = 'EUR'): string {
  return cached(`money:${currency}`, () => new Intl.NumberFormat(locale(), { style: 'currency', currency })).format(Number(amount));
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
