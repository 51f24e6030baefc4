import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './generated/schema';

export type { components, operations, paths };
export type Schemas = components['schemas'];
export type Problem = components['schemas']['ProblemDto'];

export interface ApiClientOptions {
  /** Origin of the API; '' for same-origin (the SPA). */
  baseUrl?: string;
  /** Bearer token (session access token or API key); the SPA relies on its session cookie instead. */
  token?: () => string | null | undefined;
  /** Company selected for the request (`Comptoir-Company` header). */
  companyId?: () => string | null | undefined;
  fetch?: typeof fetch;
}

export type ApiClient = Client<paths>;

/**
 * The typed client generated from the committed contract (openapi.json). Every path, parameter, body
 * and response is checked by the compiler against the API's own schema.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: options.fetch, credentials: 'same-origin' });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.token?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      const company = options.companyId?.();
      if (company) request.headers.set('Comptoir-Company', company);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** Field errors of a problem document keyed by path, for forms that show them next to their fields. */
export function fieldErrors(problem: unknown): Record<string, string> {
  const errors = (problem as Problem | undefined)?.errors ?? [];
  return Object.fromEntries(errors.map((e) => [e.path, e.message]));
}
