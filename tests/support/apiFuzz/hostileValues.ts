/**
 * Values a request field must refuse, by the kind of field it is: wrong types, text past its
 * limits or unstorable (NUL, lone surrogates), numbers at the edges, and strings that try to
 * be something else (SQL, JSON, markup, prototype keys). Each generator yields only values the
 * field's schema refuses, so a request carrying one must be answered with a 4xx naming it.
 */
import fc from 'fast-check';

/** JSON text spliced into a body as is (deep nesting, numbers JSON.stringify cannot write). */
export class RawJson {
  constructor(readonly text: string) {}
}

export type FieldSpec =
  | { readonly type: 'text'; readonly min: number; readonly max: number; readonly nullable?: boolean; readonly optional?: boolean; readonly charset?: RegExp }
  | {
      readonly type: 'int';
      readonly min?: number;
      readonly max?: number;
      readonly optional?: boolean;
      /** The protocol version: a wrong one may be answered `unsupported_protocol` instead. */
      readonly protocol?: boolean;
    }
  | { readonly type: 'bool'; readonly optional?: boolean }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly optional?: boolean }
  | { readonly type: 'iso'; readonly optional?: boolean }
  | { readonly type: 'object'; readonly fields: Readonly<Record<string, FieldSpec>>; readonly optional?: boolean }
  | { readonly type: 'array'; readonly of: FieldSpec; readonly min: number; readonly max: number; readonly optional?: boolean }
  /** Anything goes at the envelope (checked deeper, per change): never broken by the fuzz. */
  | { readonly type: 'any'; readonly optional?: boolean };

/** Strings that try to be code or structure somewhere down the line. */
export const INJECTIONS = [
  "' or '1'='1",
  "'; drop table patients; --",
  '"; select pg_sleep(5); --',
  '$1',
  '\\x27 union select * from users --',
  '{"$ne": null}',
  '{"__proto__": {"admin": true}}',
  '[]',
  'null',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '${7*7}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '\r\nSet-Cookie: x=1',
] as const;

const deep = (depth: number, open: string, close: string) => new RawJson(open.repeat(depth) + close.repeat(depth));

/** A JSON value of any shape, nesting included, for extra fields and wrong types. */
export const anyJson = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 20_000 }).map((d) => deep(d, '[', ']')) },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 5_000 }).map((d) => new RawJson('{"a":'.repeat(d) + '1' + '}'.repeat(d))) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => new Array<number>(n).fill(7)) },
  );

const numberEdges = [0, -0, -1, 1.5, 0.1, 1e-320, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308];
// (1e-400 is read as 0, a valid integer: not here.)
const rawNumbers = ['1e400', '-1e400', '123456789012345678901234567890'];

const notStrings = fc.oneof(
  fc.constantFrom(...numberEdges),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  anyJson().filter((v) => typeof v !== 'string' && v !== null),
);

const notNumbers = fc.oneof(
  fc.constantFrom('1', '0x10', 'NaN', 'Infinity', '', ' 1'),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.record({ n: fc.integer() }),
);

/** A string with a character PostgreSQL cannot store, somewhere in it. */
const unstorable = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\udc00x\ud83d'), fc.string({ maxLength: 20 }))
  .map(([a, bad, b]) => a + bad + b);

function invalidText(spec: Extract<FieldSpec, { type: 'text' }>): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    notStrings,
    unstorable,
    fc.integer({ min: spec.max + 1, max: spec.max + 70_000 }).map((n) => 'x'.repeat(n)),
  ];
  if (!spec.nullable) options.push(fc.constant(null));
  if (spec.min > 0) options.push(fc.constant(''));
  if (spec.charset) {
    const charset = spec.charset;
    options.push(
      fc
        .tuple(fc.string({ minLength: spec.min, maxLength: 20 }), fc.constantFrom(...INJECTIONS))
        .map(([a, b]) => a + b)
        .filter((s) => s.length <= spec.max && !charset.test(s)),
    );
  }
  return fc.oneof(...options);
}

function invalidInt(spec: Extract<FieldSpec, { type: 'int' }>): fc.Arbitrary<unknown> {
  const out: unknown[] = [1.5, -0.25, 1e-320, 2 ** 53 + 2, 1e308, -1e308].filter((n) => !Number.isSafeInteger(n));
  if (spec.min !== undefined) out.push(spec.min - 1, -(2 ** 53) - 2, -1e308);
  if (spec.max !== undefined) out.push(spec.max + 1, 1e308);
  return fc.oneof(fc.constantFrom(...out), notNumbers, fc.constant(null), fc.constantFrom(...rawNumbers.map((t) => new RawJson(t))));
}

/** Values the field's schema refuses. */
export function invalidFor(spec: FieldSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'text':
      return invalidText(spec);
    case 'int':
      return invalidInt(spec);
    case 'enum':
      return fc.oneof(
        fc.string({ maxLength: 30 }).filter((s) => !spec.values.includes(s)),
        fc.constantFrom(...spec.values.map((v) => v.toUpperCase())).filter((s) => !spec.values.includes(s)),
        notStrings,
        fc.constant(null),
      );
    case 'bool':
      return fc.oneof(fc.constantFrom('true', 'false', 0, 1, '', 'yes'), fc.constant(null), fc.array(fc.boolean(), { maxLength: 2 }));
    case 'iso':
      return fc.oneof(fc.constantFrom('yesterday', '2026-13-01T00:00:00Z', '2026-11-20', '', '2026-11-20T09:30:00.000+99:00'), notStrings, fc.constant(null));
    case 'object':
      return fc.oneof(notStrings.filter((v) => typeof v !== 'object' || Array.isArray(v)), fc.string({ maxLength: 10 }), fc.constant(null));
    case 'array':
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null), fc.record({ length: fc.constant(1) }));
    case 'any':
      return fc.constant(undefined);
  }
}

/** Field names a strict object must refuse. */
export const extraKeys = (known: readonly string[]): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'admin', 'role', 'userId', 'isAdmin', '$where', ''),
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.integer({ min: 200, max: 400 }).map((n) => 'k'.repeat(n)),
    )
    .filter((key) => !known.includes(key));
