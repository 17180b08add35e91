/**
 * Per-field last writer wins (S8, S9), as a pure function of the stored record, its field
 * stamps and one incoming change. Owns the concurrency rule and who wins; knows nothing of
 * tables, scope or kinds.
 *
 * A field's stamp records its last write: clock stamp `h`, the row version `v` that write
 * produced, the person `by` and device `d`. An incoming write to a field is concurrent with
 * that last write when the device had not seen it: the stamp's version is above the version
 * the change was based on, and it came from another device (a device has always seen its own
 * earlier writes, which it sent in order; without this, editing the same field twice between
 * two pulls would conflict with itself). Concurrent: the later clock stamp wins and the other
 * value is returned as a lost write, to be kept as a conflict record. Not concurrent: the
 * incoming value simply applies.
 */
import { canonicalJson } from '../../../src/domain/contactNote';

export interface FieldStamp {
  readonly h: string;
  readonly v: number;
  /** The writer's name, for people; `u` is who (absent on stamps written before ids were kept). */
  readonly by: string;
  readonly u?: string;
  readonly d: string;
}
export type FieldStamps = Readonly<Record<string, FieldStamp>>;

/** Who writes, from the session (never from the change's own fields). */
export interface Writer {
  readonly hlc: string;
  readonly by: string;
  readonly userId: string;
  readonly deviceId: string;
}

export interface WrittenValue {
  readonly value: unknown;
  readonly hlc: string;
  readonly by: string;
  readonly userId: string | null;
  readonly deviceId: string;
}

export interface LostWrite {
  readonly field: string;
  readonly winner: WrittenValue;
  readonly loser: WrittenValue;
}

export interface FieldMergeInput {
  readonly stored: Readonly<Record<string, unknown>>;
  readonly stamps: FieldStamps;
  /** The changed fields and their new values. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly baseVersion: number;
  readonly writer: Writer;
}

export interface FieldMerge {
  /** The record after the change. */
  readonly data: Record<string, unknown>;
  /** Fields that took the incoming value; they get the writer's stamp. */
  readonly written: readonly string[];
  readonly lost: readonly LostWrite[];
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function mergeFields({ stored, stamps, values, baseVersion, writer }: FieldMergeInput): FieldMerge {
  const data: Record<string, unknown> = { ...stored };
  const written: string[] = [];
  const lost: LostWrite[] = [];
  const incoming = (value: unknown): WrittenValue => ({ value, hlc: writer.hlc, by: writer.by, userId: writer.userId, deviceId: writer.deviceId });

  for (const [field, value] of Object.entries(values)) {
    // Writing what is already there changes nothing, and two people agreeing is no conflict.
    if (sameValue(value, stored[field])) continue;
    const stamp = stamps[field];
    const concurrent = stamp !== undefined && stamp.v > baseVersion && stamp.d !== writer.deviceId;
    if (!concurrent) {
      data[field] = value;
      written.push(field);
      continue;
    }
    const current: WrittenValue = { value: stored[field] ?? null, hlc: stamp.h, by: stamp.by, userId: stamp.u ?? null, deviceId: stamp.d };
    if (writer.hlc > stamp.h) {
      data[field] = value;
      written.push(field);
      lost.push({ field, winner: incoming(value), loser: current });
    } else {
      lost.push({ field, winner: current, loser: incoming(value) });
    }
  }
  return { data, written, lost };
}

/** The stamps after `fields` were written by `writer` in the write that produced `version`. */
export function stampFields(stamps: FieldStamps, fields: readonly string[], writer: Writer, version: number): FieldStamps {
  const next: Record<string, FieldStamp> = { ...stamps };
  for (const field of fields) next[field] = { h: writer.hlc, v: version, by: writer.by, u: writer.userId, d: writer.deviceId };
  return next;
}
