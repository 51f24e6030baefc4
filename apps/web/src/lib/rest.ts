import { ApiError, companyStore } from './api';

type QueryValue = string | number | boolean | null | undefined;

/**
 * Same-origin JSON request for operations whose contract is still being written by the backend (the
 * typed client only knows what openapi.json declares). Same cookie, same company header, same
 * problem+json errors as `unwrap(api.X(...))`.
 */
export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, init: { query?: Record<string, QueryValue>; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(init.query ?? {})) if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const company = companyStore.get();
  if (company) headers['Comptoir-Company'] = company;
  const response = await fetch(`${path}${search.size ? `?${search}` : ''}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}

/** Keyset page, the shape of every list of the API. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
