/**
 * One rule for `int8` (bigint) columns on both drivers: parse to a JS number. pg returns int8
 * as a string and PGlite as a number or a BigInt, so without this `count(*)` and `version` would
 * change type with the database. Every int8 we read is a count or a value of `change_seq`, far
 * below 2^53; reaching it would be a bug worth stopping for, not something to round silently.
 *
 * Chosen over `::int` casts in SQL because a forgotten cast would only show up on one driver.
 */
export const INT8_OID = 20;

export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) {
    throw new Error(`int8 value ${text} does not fit a JS number`);
  }
  return n;
}
