import fc from 'fast-check';
import { v4 as uuidv4 } from 'uuid';
import { exampleOf, JsonSchema, Operation, resolveSchema } from './contract';

/**
 * fast-check arbitraries of requests that break an operation's contract: wrong types, missing or
 * unknown fields, overlong strings, bad enum values, malformed or non-object JSON, bad ids in the
 * path, bad query values, and garbage in the Authorization and Comptoir-Company headers.
 */

export type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string } | null;

export interface BadRequest {
  kind: string;
  params: Record<string, string>;
  query: string;
  /** Header overrides; `null` removes the default value (e.g. no Authorization at all). */
  headers: Record<string, string | null>;
  body: Body;
}

type Path = (string | number)[];

interface Slot {
  path: Path;
  schema: JsonSchema;
  required: boolean;
}

/** Every field of a body schema, nested objects and first array items included. */
export function slotsOf(schema: JsonSchema, path: Path = [], depth = 0): Slot[] {
  const s = resolveSchema(schema);
  if (depth > 6) return [];
  const out: Slot[] = [];
  if (s.properties) {
    for (const [key, child] of Object.entries(s.properties)) {
      const childPath = [...path, key];
      const resolved = resolveSchema(child);
      out.push({ path: childPath, schema: resolved, required: (s.required ?? []).includes(key) }, ...slotsOf(resolved, childPath, depth + 1));
    }
  }
  if (s.type === 'array' && s.items) out.push(...slotsOf(s.items, [...path, 0], depth + 1));
  return out;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

type Container = Record<string, unknown> | unknown[];

function parentOf(root: unknown, path: Path, create: boolean): Container | null {
  let node = root as Container;
  for (const key of path.slice(0, -1)) {
    const next = (node as Record<string | number, unknown>)[key];
    if (next === null || typeof next !== 'object') {
      if (!create) return null;
      const fresh = typeof path[path.indexOf(key) + 1] === 'number' ? [] : {};
      (node as Record<string | number, unknown>)[key] = fresh;
      node = fresh;
    } else node = next as Container;
  }
  return node;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = clone(root);
  const parent = parentOf(copy, path, true);
  if (parent) (parent as Record<string | number, unknown>)[path[path.length - 1]!] = value;
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = clone(root);
  const parent = parentOf(copy, path, false);
  if (parent && !Array.isArray(parent)) delete parent[String(path[path.length - 1])];
  return copy;
}

/** A value whose JSON type differs from the schema's. */
function wrongTypeFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 20 }),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 4 }),
    object: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
  };
  const declared = schema.type === 'integer' ? 'number' : (schema.type ?? (schema.properties ? 'object' : 'string'));
  const others = Object.entries(all).filter(([type]) => type !== declared && !(type === 'null' && schema.nullable));
  return fc.oneof(...others.map(([, arb]) => arb));
}

const printable = (max: number) => fc.string({ maxLength: max });
const anyChars = (max: number) => fc.string({ unit: 'binary', maxLength: max });

/** Strings that validators and databases choke on: NUL, control characters, lone surrogates, SQL, huge. */
const nastyString = fc.oneof(
  anyChars(40),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\u202e', "' OR 1=1 --", '%00', '${jndi:ldap://x}', '<script>alert(1)</script>', '../../etc/passwd', ' ', ''),
  fc.integer({ min: 1, max: 4 }).map((n) => 'é'.repeat(n * 1000)),
);

const badUuid = fc.oneof(
  printable(60).filter((s) => !/^[0-9a-f-]{36}$/i.test(s)),
  fc.constantFrom('0', '-1', 'null', 'undefined', '..', '%', '%2e%2e', "1' OR '1'='1", '01934567-89ab-7cde-8f01-23456789abcz', '01934567-89ab-7cde-8f01-23456789abcd0', '{id}'),
  fc.uuid().map((u) => u.toUpperCase().replace(/-/g, '')),
  fc.integer({ min: 37, max: 5000 }).map((n) => 'a'.repeat(n)),
  anyChars(20),
);

const malformedJson = fc.oneof(
  fc.constantFrom('{', '{"a":', '{"name": "x",}', "{'name': 'x'}", 'nul', 'tru', '[1, 2', '{"a": 1}}', '\u0000', '{"a": NaN}', '{"a": 1e999999}', '"\\ud800"', ''),
  printable(40).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

const nonObjectJson = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 10 }), fc.array(fc.integer(), { maxLength: 3 }), fc.constant([{}]));

const garbageAuthorization = fc.oneof(
  printable(80),
  printable(40).map((s) => `Bearer ${s}`),
  printable(40).map((s) => `Bearer cpk_${s}`),
  printable(40).map((s) => `Bearer cps_${s}`),
  fc.tuple(printable(20), printable(20)).map(([a, b]) => `Bearer cpk_${a}.${b}`),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => `Basic ${Buffer.from(bytes).toString('base64')}`),
  anyChars(30).map((s) => `Basic ${Buffer.from(s, 'utf8').toString('base64')}`),
  printable(40).map((s) => `Basic ${s}`),
  fc.constantFrom('Bearer', 'Bearer ', 'Basic', 'Basic Og==', 'Basic Y3BrXzo=', 'Basic AGNwa18AOgA=', 'Digest x', 'bearer  ', 'Bearer cpk_.', 'Bearer cpk_a.b.c'),
  fc.integer({ min: 9000, max: 15000 }).map((n) => `Bearer cps_${'x'.repeat(n)}`),
);

const garbageCompany = fc.oneof(printable(60), fc.uuid(), fc.constantFrom('', ' ', 'null', '00000000-0000-0000-0000-000000000000', "' OR 1=1 --"), fc.integer({ min: 100, max: 9000 }).map((n) => 'c'.repeat(n)));

/** Wrong values for list parameters: not numbers, out of range, repeated, overlong, forged cursors. */
function badQueryFor(op: Operation): fc.Arbitrary<string> {
  const names = op.queryParams.map((p) => p.name);
  const generic = fc.oneof(
    fc.tuple(fc.constantFrom(...(names.length ? names : ['limit'])), printable(30)).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
    fc.constantFrom('limit=abc', 'limit=-1', 'limit=0', 'limit=201', 'limit=1.5', 'limit=1e3', 'limit=99999999999999999999', 'limit=1&limit=2', 'limit[]=1', 'limit[a]=1'),
    fc.constantFrom('cursor=%%%', 'cursor=WyJhIl0', 'cursor=bnVsbA', 'cursor=WzEsMl0', 'cursor=WyJ4IiwiMDE5MzQ1NjctODlhYi03Y2RlLThmMDEtMjM0NTY3ODlhYmNkIiwzXQ', 'cursor=' + 'A'.repeat(600)),
    fc.constantFrom('updatedSince=yesterday', 'updatedSince=2026-13-45T99:99:99Z', 'updatedSince=1', 'updatedSince=2026-01-01T00:00:00Z&updatedSince=x'),
    fc.constantFrom('sort=DROP', 'sort=name;DELETE', 'sort=-', 'sort=__proto__', 'sort[]=name', 'q=' + 'z'.repeat(5000), 'q=%00', 'q=%25', 'q[a]=1', 'tag=%2C', 'role=admin', 'sectorId=x', 'assignedUserId=1'),
    fc.constantFrom('entity=account', 'entity=nope&id=x', 'id=01934567-89ab-7cde-8f01-23456789abcd', 'entity[]=account&id[]=x', '__proto__[x]=1', 'constructor[prototype][x]=1'),
    anyChars(30).map((s) => `q=${encodeURIComponent(s)}`),
  );
  return generic;
}

/** Replaces an `email` field by a unique address so that credential throttling does not hide validation. */
function freshEmails(body: unknown, unique: string): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy = clone(body) as Record<string, unknown>;
  if (typeof copy['email'] === 'string') copy['email'] = `sweep-${unique}@example.test`;
  return copy;
}

/** Everything that can be wrong with one call of `op`; `validId` is a syntactically valid (absent) id. */
export function badRequests(op: Operation): fc.Arbitrary<BadRequest> {
  const fullBody = op.body ? exampleOf(op.body, true) : undefined;
  const minimalBody = op.body ? exampleOf(op.body, false) : undefined;
  const slots = op.body ? slotsOf(op.body) : [];
  const stringSlots = slots.filter((s) => s.schema.type === 'string');
  const enumSlots = slots.filter((s) => s.schema.enum?.length);
  const requiredSlots = slots.filter((s) => s.required);
  const objectPaths: Path[] = [[], ...slots.filter((s) => s.schema.type === 'object' || s.schema.properties).map((s) => s.path)];

  const validParams = fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, fc.constant(uuidv4())])) as Record<string, fc.Arbitrary<string>>);
  // Header and query cases keep the example body as it is: on credential routes the throttle soon
  // answers them 429, which spares a password hash per case.
  const base = fc.boolean().map((full) => (full ? fullBody : minimalBody));
  // Body cases get a unique email and client address, so that the throttle does not hide validation.
  const client = fc.tuple(fc.uuid(), fc.integer({ min: 1, max: 0xfffffe })).map(([unique, n]) => ({
    unique: unique.slice(0, 8),
    address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  }));
  const request = (kind: string, parts: Partial<BadRequest>): fc.Arbitrary<BadRequest> =>
    fc.tuple(validParams, base).map(([params, body]) => ({
      kind,
      params,
      query: '',
      headers: {},
      body: body === undefined ? null : { kind: 'json', value: body },
      ...parts,
    }));
  const withBody = (kind: string, mutate: fc.Arbitrary<(body: unknown) => unknown>): fc.Arbitrary<BadRequest> =>
    fc.tuple(validParams, base, client, mutate).map(([params, body, { unique, address }, fn]) => ({
      kind,
      params,
      query: '',
      headers: { 'X-Forwarded-For': address },
      body: { kind: 'json', value: fn(freshEmails(body ?? {}, unique)) },
    }));

  const kinds: fc.Arbitrary<BadRequest>[] = [
    // Body that is not JSON at all, or JSON that is not an object.
    fc.tuple(validParams, malformedJson).map(([params, text]) => ({ kind: 'malformed JSON', params, query: '', headers: {}, body: { kind: 'raw', text, contentType: 'application/json' } })),
    fc.tuple(validParams, nonObjectJson).map(([params, value]) => ({ kind: 'non-object JSON', params, query: '', headers: {}, body: { kind: 'raw', text: JSON.stringify(value), contentType: 'application/json' } })),
    fc.tuple(validParams, printable(50), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/json; charset=utf-7')).map(
      ([params, text, contentType]) => ({ kind: 'wrong content type', params, query: '', headers: {}, body: { kind: 'raw', text, contentType } }),
    ),
    fc.tuple(validParams, fc.constantFrom('{"__proto__": {"isAdmin": true}}', '{"constructor": {"prototype": {"isAdmin": true}}}', '{"name": {"__proto__": null}}')).map(([params, text]) => ({
      kind: 'prototype pollution',
      params,
      query: '',
      headers: {},
      body: { kind: 'raw', text, contentType: 'application/json' },
    })),
    fc.tuple(validParams, fc.integer({ min: 200, max: 3000 })).map(([params, depth]) => ({
      kind: 'deeply nested JSON',
      params,
      query: '',
      headers: {},
      body: { kind: 'raw', text: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, contentType: 'application/json' },
    })),
    // Unknown fields, top level or nested.
    withBody(
      'unknown field',
      fc.tuple(fc.constantFrom(...objectPaths), printable(20).filter((k) => k.length > 0), fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null))).map(
        ([at, key, value]) => (body: unknown) => setAt(body, [...at, `${key}_x`], value),
      ),
    ),
    // Headers: credentials and company selection.
    fc.tuple(validParams, base, garbageAuthorization).map(([params, body, auth]) => ({ kind: 'garbage Authorization', params, query: '', headers: { Authorization: auth }, body: body === undefined ? null : { kind: 'json', value: body } })),
    request('no credentials', { headers: { Authorization: null } }),
    fc.tuple(validParams, base, garbageCompany).map(([params, body, company]) => ({ kind: 'garbage Comptoir-Company', params, query: '', headers: { 'Comptoir-Company': company }, body: body === undefined ? null : { kind: 'json', value: body } })),
    fc.tuple(validParams, base, badQueryFor(op)).map(([params, body, query]) => ({ kind: 'bad query', params, query, headers: {}, body: body === undefined ? null : { kind: 'json', value: body } })),
  ];
  if (op.pathParams.length) {
    kinds.push(
      fc.tuple(validParams, base, fc.constantFrom(...op.pathParams.map((p) => p.name)), badUuid).map(([params, body, name, value]) => ({
        kind: 'bad path id',
        params: { ...params, [name]: value },
        query: '',
        headers: {},
        body: body === undefined ? null : { kind: 'json', value: body },
      })),
    );
  }
  if (slots.length) {
    kinds.push(
      withBody('wrong type', fc.constantFrom(...slots).chain((slot) => wrongTypeFor(slot.schema).map((value) => (body: unknown) => setAt(body, slot.path, value)))),
      withBody('nasty string', fc.tuple(fc.constantFrom(...slots), nastyString).map(([slot, value]) => (body: unknown) => setAt(body, slot.path, value))),
      withBody('huge array', fc.tuple(fc.constantFrom(...slots), fc.integer({ min: 1000, max: 5000 })).map(([slot, n]) => (body: unknown) => setAt(body, slot.path, Array.from({ length: n }, (_, i) => `v${i}`)))),
    );
  }
  if (requiredSlots.length) kinds.push(withBody('missing required field', fc.constantFrom(...requiredSlots).map((slot) => (body: unknown) => deleteAt(body, slot.path))));
  if (stringSlots.length) {
    kinds.push(
      withBody(
        'overlong string',
        fc.tuple(fc.constantFrom(...stringSlots), fc.integer({ min: 1, max: 5000 })).map(([slot, extra]) => (body: unknown) => setAt(body, slot.path, 'w'.repeat((slot.schema.maxLength ?? 1000) + extra))),
      ),
    );
  }
  if (enumSlots.length) {
    kinds.push(withBody('value outside the enum', fc.tuple(fc.constantFrom(...enumSlots), printable(15)).map(([slot, value]) => (body: unknown) => setAt(body, slot.path, `${value}#`))));
  }
  return fc.oneof(...kinds).map(short);
}

/** A readable, bounded rendering of a case: fast-check prints it for counterexamples. */
export function describeRequest(c: BadRequest): string {
  const text = JSON.stringify({ ...c }, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length} chars)` : v));
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
}

function short(c: BadRequest): BadRequest {
  return Object.assign(c, { [fc.toStringMethod]: () => describeRequest(c) });
}

/** A few requests every operation must survive, whatever the random draw. */
export function fixedBadRequests(op: Operation): BadRequest[] {
  const params = Object.fromEntries(op.pathParams.map((p) => [p.name, 'not-a-uuid']));
  const validParams = Object.fromEntries(op.pathParams.map((p) => [p.name, uuidv4()]));
  const cases: BadRequest[] = [
    { kind: 'malformed JSON', params: validParams, query: '', headers: {}, body: { kind: 'raw', text: '{"oops":', contentType: 'application/json' } },
    { kind: 'body over the size limit', params: validParams, query: '', headers: {}, body: { kind: 'raw', text: JSON.stringify({ name: 'x'.repeat(1_100_000) }), contentType: 'application/json' } },
    { kind: 'NUL in a string', params: validParams, query: '', headers: {}, body: { kind: 'json', value: { ...(op.body ? (exampleOf(op.body) as object) : {}), name: 'a\u0000b' } } },
    { kind: 'Basic credentials with NUL bytes', params: validParams, query: '', headers: { Authorization: `Basic ${Buffer.from('cpk_\u0000:\u0000').toString('base64')}` }, body: null },
    { kind: 'garbage Comptoir-Company', params: validParams, query: '', headers: { 'Comptoir-Company': 'garbage' }, body: null },
    ...(op.pathParams.length ? [{ kind: 'bad path id', params, query: '', headers: {}, body: null }] : []),
  ];
  return cases.map(short);
}
