/** S8/S9 merge rules as a table: one row per case, pure. */
import { describe, expect, it } from 'vitest';
import { clockClamp, MAX_CLOCK_AHEAD_MS } from './clampClock';
import { mergeFields, stampFields, type FieldStamp, type Writer } from './fieldMerge';

const EARLY = '000001000000000:000000:dev-b';
const LATE = '000002000000000:000000:dev-a';
const stampBy = (h: string, v: number, d: string): FieldStamp => ({ h, v, by: `person on ${d}`, u: `usr-${d}`, d });
const writer = (hlc: string, deviceId = 'dev-a'): Writer => ({ hlc, by: `person on ${deviceId}`, userId: `usr-${deviceId}`, deviceId });

describe('mergeFields', () => {
  const stored = { phone: '111', name: 'Rosa' };

  // [case, stamp of `phone`, baseVersion, incoming writer, expected phone, expected lost]
  const cases: [string, FieldStamp | undefined, number, Writer, string, number][] = [
    ['[S8] no stamp: the field was never written by a device, so the change applies', undefined, 0, writer(EARLY), '222', 0],
    ['[S8] stamp at or below the base version: seen, the change applies', stampBy(LATE, 5, 'dev-b'), 5, writer(EARLY), '222', 0],
    ['[S8] even an older clock applies when the change is not concurrent', stampBy(LATE, 4, 'dev-b'), 7, writer(EARLY), '222', 0],
    ['[S9] concurrent, incoming clock later: incoming wins, stored value kept as lost', stampBy(EARLY, 9, 'dev-b'), 5, writer(LATE), '222', 1],
    ['[S9] concurrent, stored clock later: stored stays, incoming kept as lost', stampBy(LATE, 9, 'dev-b'), 5, writer(EARLY), '111', 1],
    ["[S9] the device's own later write is never concurrent with its earlier one", stampBy(LATE, 9, 'dev-a'), 5, writer(EARLY, 'dev-a'), '222', 0],
  ];
  it.each(cases)('%s', (_name, stamp, baseVersion, w, phone, lost) => {
    const merge = mergeFields({ stored, stamps: stamp ? { phone: stamp } : {}, values: { phone: '222' }, baseVersion, writer: w });
    expect(merge.data).toEqual({ ...stored, phone });
    expect(merge.lost).toHaveLength(lost);
    expect(merge.written).toEqual(phone === '222' ? ['phone'] : []);
  });

  it('[S9] the lost write names both values, clocks, people and devices', () => {
    const merge = mergeFields({ stored, stamps: { phone: stampBy(EARLY, 9, 'dev-b') }, values: { phone: '222' }, baseVersion: 5, writer: writer(LATE) });
    expect(merge.lost).toEqual([
      {
        field: 'phone',
        winner: { value: '222', hlc: LATE, by: 'person on dev-a', userId: 'usr-dev-a', deviceId: 'dev-a' },
        loser: { value: '111', hlc: EARLY, by: 'person on dev-b', userId: 'usr-dev-b', deviceId: 'dev-b' },
      },
    ]);
  });

  it('[S9] writing the value already there is neither a change nor a conflict', () => {
    const merge = mergeFields({ stored, stamps: { phone: stampBy(LATE, 9, 'dev-b') }, values: { phone: '111' }, baseVersion: 0, writer: writer(EARLY) });
    expect(merge).toEqual({ data: stored, written: [], lost: [] });
  });

  it('[S8] fields merge independently', () => {
    const merge = mergeFields({
      stored,
      stamps: { phone: stampBy(LATE, 9, 'dev-b') },
      values: { phone: '222', name: 'Rosa Lima' },
      baseVersion: 5,
      writer: writer(EARLY),
    });
    expect(merge.data).toEqual({ phone: '111', name: 'Rosa Lima' });
    expect(merge.written).toEqual(['name']);
    expect(merge.lost.map((l) => l.field)).toEqual(['phone']);
  });

  it('stampFields records the write on exactly the written fields', () => {
    const before = { name: stampBy(EARLY, 3, 'dev-b') };
    expect(stampFields(before, ['phone'], writer(LATE), 12)).toEqual({ ...before, phone: { h: LATE, v: 12, by: 'person on dev-a', u: 'usr-dev-a', d: 'dev-a' } });
  });
});

describe('clockClamp', () => {
  const now = Date.UTC(2026, 10, 20, 9, 30);
  const at = (ms: number, counter = 0) => `${String(ms).padStart(15, '0')}:${String(counter).padStart(6, '0')}:dev-a`;

  it('[S19] keeps a stamp up to 5 minutes ahead of the server', () => {
    expect(clockClamp(now)(at(now + MAX_CLOCK_AHEAD_MS, 3))).toBe(at(now + MAX_CLOCK_AHEAD_MS, 3));
  });

  it('[S19] brings a stamp further ahead back to server time, keeping the order of a batch', () => {
    const clamp = clockClamp(now);
    expect([clamp(at(now + 86_400_000, 9)), clamp(at(now + 86_400_001, 0))]).toEqual([at(now, 0), at(now, 1)]);
  });
});
