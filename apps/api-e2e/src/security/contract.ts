import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The committed OpenAPI contract (openapi.json at the repository root), read as data so that suites
 * cover every operation it lists, including the ones added after the suite was written.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  example?: unknown;
  default?: unknown;
  maxLength?: number;
  minLength?: number;
  maximum?: number;
  minimum?: number;
  pattern?: string;
  nullable?: boolean;
}

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface RawOperation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
  responses: Record<string, unknown>;
}

interface Contract {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface Operation {
  method: HttpMethod;
  /** The contract's template, e.g. `/api/v1/accounts/{id}`. */
  path: string;
  operationId: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON request body schema, with `$ref`s resolved, or null when the operation takes none. */
  body: JsonSchema | null;
  /** `security: []`: callable without credentials (signup, login...). */
  isPublic: boolean;
}

const CONTRACT_PATH = join(__dirname, '..', '..', '..', '..', 'openapi.json');

let cached: Contract | null = null;

function contract(): Contract {
  cached ??= JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')) as Contract;
  return cached;
}

/** Replaces `$ref`s and single-element `allOf`s by the schema they point to, recursively. */
export function resolveSchema(schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 20) throw new Error('Schema nests too deep (recursive $ref?)');
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = contract().components.schemas[name];
    if (!target) throw new Error(`Unknown schema ${schema.$ref}`);
    return resolveSchema(target, depth + 1);
  }
  if (schema.allOf?.length === 1 && schema.allOf[0]) return resolveSchema({ ...schema.allOf[0], ...withoutKey(schema, 'allOf') }, depth + 1);
  const resolved: JsonSchema = { ...schema };
  if (schema.items) resolved.items = resolveSchema(schema.items, depth + 1);
  if (schema.properties) {
    resolved.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolveSchema(v, depth + 1)]));
  }
  return resolved;
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Every operation of the contract, in a stable order. */
export function contractOperations(): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(contract().paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const json = op.requestBody?.content['application/json']?.schema;
      ops.push({
        method,
        path,
        operationId: op.operationId,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: json ? resolveSchema(json) : null,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return ops.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Fills a path template: `/accounts/{id}` with `{ id: 'x' }` → `/accounts/x` (values URL-encoded). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for path parameter ${name} of ${template}`);
    return encodeURIComponent(value);
  });
}

/**
 * A value that matches the schema, built from the contract's own examples: the required properties
 * only (`full: false`) or every documented property (`full: true`).
 */
export function exampleOf(schema: JsonSchema, full = false): unknown {
  const s = resolveSchema(schema);
  if (s.example !== undefined && s.type !== 'object') return s.example;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'object': {
      if (!s.properties) return s.example ?? {};
      const keys = full ? Object.keys(s.properties) : (s.required ?? []);
      return Object.fromEntries(keys.map((k) => [k, exampleOf(s.properties![k]!, full)]));
    }
    case 'array':
      return s.items ? [exampleOf(s.items, full)] : [];
    case 'string':
      return s.format === 'uuid' ? '01934567-89ab-7cde-8f01-23456789abcd' : 'x';
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return s.properties ? exampleOf({ ...s, type: 'object' }, full) : 'x';
  }
}

/** The path prefix that names a resource: `/api/v1/accounts/{id}/anything` → `/api/v1/accounts/{id}`. */
export function resourceKey(path: string): string {
  const index = path.indexOf('}');
  return index < 0 ? path : path.slice(0, index + 1);
}
