/**
 * Hostile requests derived from one valid body and the spec of its fields. Every attempt
 * breaks the request somewhere (a field, a missing or extra field, the root, the JSON, the
 * content type, the size, the session) and says what the answer must be, so the oracle can
 * check that the server names the problem.
 */
import fc from 'fast-check';
import type { ErrorCode } from '../../../src/protocol/wire';
import { anyJson, extraKeys, INJECTIONS, invalidFor, RawJson, type FieldSpec } from './hostileValues';

export interface Expectation {
  /** One status, or any of several; omitted: any 4xx. */
  readonly status?: number | readonly number[];
  readonly code?: ErrorCode;
  /** Text the message must contain: the field path, or the word for the problem. */
  readonly mentions?: string;
}

export interface Attempt {
  readonly label: string;
  /** The URL when it differs from the route's own (path parameters under attack). */
  readonly url?: string;
  /** Bytes as sent; undefined sends no body. */
  readonly payload?: string;
  /** null sends none. */
  readonly contentType?: string | null;
  /** Replaces the session's Authorization header (undefined: the route's own session). */
  readonly authorization?: string | null;
  readonly expect: Expectation;
}

type Path = readonly (string | number)[];

/** Every place in the spec a value sits, with its spec (array items: the first). */
function fieldsOf(spec: FieldSpec, path: Path = []): { path: Path; spec: FieldSpec }[] {
  const here = path.length === 0 ? [] : [{ path, spec }];
  if (spec.type === 'object') return [...here, ...Object.entries(spec.fields).flatMap(([k, f]) => fieldsOf(f, [...path, k]))];
  if (spec.type === 'array') return [...here, ...fieldsOf(spec.of, [...path, 0])];
  return here;
}

function objectsOf(spec: FieldSpec, path: Path = []): { path: Path; spec: Extract<FieldSpec, { type: 'object' }> }[] {
  if (spec.type === 'object') return [{ path, spec }, ...Object.entries(spec.fields).flatMap(([k, f]) => objectsOf(f, [...path, k]))];
  if (spec.type === 'array') return objectsOf(spec.of, [...path, 0]);
  return [];
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function parentOf(body: unknown, path: Path): Record<string | number, unknown> {
  let node = body as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return node;
}

function withValue(template: unknown, path: Path, value: unknown): unknown {
  const body = clone(template);
  Object.defineProperty(parentOf(body, path), path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return body;
}

function without(template: unknown, path: Path): unknown {
  const body = clone(template);
  delete parentOf(body, path)[path.at(-1)!];
  return body;
}

/** JSON text of a body that may hold RawJson pieces and own `__proto__` keys. */
export function toJson(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raws.push(value.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return value;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]!);
}

const pathName = (path: Path) => path.map(String).join('.');
const JSON_TYPE = 'application/json';

export interface BodyShape {
  readonly template: Record<string, unknown>;
  readonly spec: Extract<FieldSpec, { type: 'object' }>;
  /** The route's body limit in bytes. */
  readonly limit: number;
  /**
   * Also send well-formed bodies with strings that try to be code, for routes where such a
   * body is still refused (a sign-in with a wrong password, a territory that does not exist).
   */
  readonly injections?: boolean;
}

/** One field set to a value its schema refuses. */
function brokenField(shape: BodyShape): fc.Arbitrary<Attempt> {
  const fields = fieldsOf(shape.spec).filter((f) => f.spec.type !== 'any');
  return fc
    .constantFrom(...fields)
    .chain((f) => invalidFor(f.spec).map((value) => ({ f, value })))
    .map(({ f, value }) => {
      const payload = toJson(withValue(shape.template, f.path, value));
      const tooLarge = Buffer.byteLength(payload) > shape.limit;
      return {
        label: `${pathName(f.path)} set to a refused value`,
        payload,
        contentType: JSON_TYPE,
        expect: tooLarge
          ? { status: 413, code: 'payload_too_large' }
          : f.spec.type === 'int' && f.spec.protocol
            ? { status: 400, mentions: 'protocol' }
            : { status: 400, code: 'bad_request', mentions: pathName(f.path) },
      } satisfies Attempt;
    });
}

function requiredFields(shape: BodyShape) {
  return fieldsOf(shape.spec).filter((f) => !f.spec.optional && typeof f.path.at(-1) === 'string');
}

function missingField(shape: BodyShape): fc.Arbitrary<Attempt> {
  const required = requiredFields(shape);
  return fc.constantFrom(...required).map((f) => ({
    label: `${pathName(f.path)} missing`,
    payload: toJson(without(shape.template, f.path)),
    contentType: JSON_TYPE,
    expect: { status: 400, code: 'bad_request', mentions: `${pathName(f.path)}` },
  }));
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

function extraField(shape: BodyShape): fc.Arbitrary<Attempt> {
  return fc
    .constantFrom(...objectsOf(shape.spec))
    .chain((o) => fc.tuple(fc.constant(o), extraKeys(Object.keys(o.spec.fields)), anyJson()))
    .map(([o, key, value]) => {
      const payload = toJson(withValue(shape.template, [...o.path, key], value));
      const tooLarge = Buffer.byteLength(payload) > shape.limit;
      // A prototype key is refused as soon as the JSON is read, with the key named; an
      // ordinary one by the schema, with its path.
      // (A generated value may hold a prototype key of its own, deeper down.)
      const nestedProto = /"(__proto__|constructor)":/.test(payload);
      const mentions = PROTO_KEYS.includes(key) ? key : nestedProto ? undefined : pathName([...o.path, key]).slice(0, 60);
      return {
        label: `unknown field ${JSON.stringify(key.slice(0, 40))} at ${pathName(o.path) || 'the root'}`,
        payload,
        contentType: JSON_TYPE,
        expect: tooLarge ? { status: 413, code: 'payload_too_large' } : { status: 400, code: 'bad_request', ...(mentions === undefined ? {} : { mentions }) },
      } satisfies Attempt;
    });
}

/** Text fields filled with strings that try to be code: well-formed, so the route decides. */
function injectedText(shape: BodyShape): fc.Arbitrary<Attempt> {
  const texts = fieldsOf(shape.spec).filter((f) => f.spec.type === 'text');
  return fc.tuple(fc.constantFrom(...texts), fc.constantFrom(...INJECTIONS)).map(([f, text]) => ({
    label: `${pathName(f.path)} = ${JSON.stringify(text)}`,
    payload: toJson(withValue(shape.template, f.path, text)),
    contentType: JSON_TYPE,
    expect: {},
  }));
}

/** Bodies that are no object, no JSON, not JSON at all, or too large. */
export function malformedBodies(template: Record<string, unknown>, limit: number): fc.Arbitrary<Attempt> {
  const json = toJson(template);
  const bad = (label: string, payload: string | undefined, expect: Expectation, contentType: string | null = JSON_TYPE): Attempt => ({
    label,
    payload,
    contentType,
    expect,
  });
  return fc.oneof(
    fc
      .oneof(fc.constantFrom('[]', 'null', 'true', '0', '"text"', '1e400', '[{}]'), fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)))
      .map((text) => bad(`the body ${text.slice(0, 20)}`, text, { status: 400, code: 'bad_request', mentions: 'JSON object' })),
    fc.integer({ min: 1, max: json.length - 1 }).map((cut) => bad(`the body cut at ${cut}`, json.slice(0, cut), { status: 400, code: 'bad_request', mentions: 'JSON' })),
    fc.string({ maxLength: 200 }).map((s) => bad('JSON with single quotes', `{'${s}`, { status: 400, code: 'bad_request', mentions: 'JSON' })),
    fc.constantFrom('', ' ', '\n').map((s) => bad('an empty body', s, { status: 400, code: 'bad_request' })),
    fc
      .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/html', 'application/octet-stream', 'application/jsonx', 'image/png')
      .map((type) => bad(`Content-Type ${type}`, json, { status: 415, code: 'bad_request', mentions: 'application/json' }, type)),
    fc.constant(bad('no Content-Type', json, { status: 415, code: 'bad_request', mentions: 'application/json' }, null)),
    fc.constant(bad(`a body over ${limit} bytes`, toJson({ ...template, pad: 'x'.repeat(limit) }), { status: 413, code: 'payload_too_large' })),
    fc.constant(bad('proto pollution', '{"__proto__":{"isAdmin":true}}', { status: 400, code: 'bad_request', mentions: '__proto__' })),
    fc.constant(bad('constructor pollution', '{"constructor":{"prototype":{"isAdmin":true}}}', { status: 400, code: 'bad_request', mentions: 'constructor' })),
  );
}

/** Everything wrong with a JSON body of this shape. */
export function bodyAttempts(shape: BodyShape): fc.Arbitrary<Attempt> {
  return fc.oneof(
    { weight: 8, arbitrary: brokenField(shape) },
    // A body whose fields are all optional (a PATCH) has none to leave out.
    ...(requiredFields(shape).length > 0 ? [{ weight: 2, arbitrary: missingField(shape) }] : []),
    { weight: 3, arbitrary: extraField(shape) },
    { weight: 3, arbitrary: malformedBodies(shape.template, shape.limit) },
    ...(shape.injections ? [{ weight: 1, arbitrary: injectedText(shape) }] : []),
  );
}

/** Authorization headers that open nothing. */
export const badAuthorization: fc.Arbitrary<Attempt> = fc
  .oneof(
    fc.constant(null),
    fc.constantFrom('', 'Bearer', 'Bearer ', 'Basic YWRhOmFkYQ==', 'bearer x', 'Bearer null', 'Bearer undefined', "Bearer ' or 1=1 --"),
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((t) => `Bearer ${t}`),
    fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_=.~!'.split('')), maxLength: 300 }).map((t) => `Bearer ${t}`),
  )
  .map((authorization) => ({ label: `Authorization ${JSON.stringify(authorization)}`, authorization, expect: { status: 401, code: 'unauthorized' } }));
