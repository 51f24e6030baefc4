import { createApiClient, fieldErrors, type ApiClient, type Problem } from '@comptoir/api-client';

const COMPANY_KEY = 'comptoir.companyId';

function readStoredCompany(): string | null {
  try {
    return window.localStorage.getItem(COMPANY_KEY);
  } catch {
    return null;
  }
}

let selectedCompany: string | null = readStoredCompany();

/** The company every request names in `Comptoir-Company`; the switcher in the header changes it. */
export const companyStore = {
  get: (): string | null => selectedCompany,
  set(id: string | null): void {
    selectedCompany = id;
    try {
      if (id) window.localStorage.setItem(COMPANY_KEY, id);
      else window.localStorage.removeItem(COMPANY_KEY);
    } catch {
      // Private mode: keep the choice for this tab only.
    }
  },
};

/** Same-origin typed client: the httpOnly session cookie authenticates, the header picks the company. */
export const api: ApiClient = createApiClient({ companyId: () => companyStore.get() });

/** A failed API call: the HTTP status and the RFC 9457 problem document when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, body: unknown) {
    const problem = isProblem(body) ? body : null;
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Field errors keyed by path (`billingAddress.city`), for forms. */
  get fields(): Record<string, string> {
    return fieldErrors(this.problem);
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'status' in body && ('title' in body || 'code' in body);
}

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Resolves to the response body, or throws an ApiError carrying the problem document. */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw new ApiError(response.status, error);
  return data as T;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** Copy of `value` without empty strings, undefined and empty nested objects: what a create request sends. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === '') continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const nested = compact(v as Record<string, unknown>);
      if (Object.keys(nested).length) out[key] = nested;
      continue;
    }
    out[key] = v;
  }
  return out as Partial<T>;
}
