import { useCallback, useState } from 'react';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/** Small controlled-form helper: values, a setter, and `text(field)` props for Mantine text inputs. */
export function useFormState<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set = useCallback(<K extends keyof T>(field: K, value: T[K]) => setValues((prev) => ({ ...prev, [field]: value })), []);
  const text = (field: StringKeys<T>, errors: Record<string, string> = {}) => ({
    value: values[field] as string,
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value as T[typeof field]),
    error: errors[field as string],
  });
  return { values, set, setValues, text };
}

/** Trimmed strings, with empty ones left out: a create request. */
export function nonEmpty<T extends Record<string, string>>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const value = values[key]?.trim();
    if (value) out[key] = value as T[keyof T];
  }
  return out;
}

/** Changed strings only, trimmed; a cleared field becomes null unless it is required. */
export function changedStrings<T extends Record<string, string>>(initial: T, values: T, required: (keyof T)[] = []): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of Object.keys(values) as (keyof T & string)[]) {
    const before = initial[key]?.trim() ?? '';
    const after = values[key]?.trim() ?? '';
    if (before !== after) out[key] = after === '' && !required.includes(key) ? null : after;
  }
  return out;
}
