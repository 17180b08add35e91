import { describe, expect, it } from 'vitest';
import { parseProblem, parseProblemText } from './problem';

const base = {
  start: { lat: 42.36, lng: -71.06 },
  end: { lat: 42.36, lng: -71.06 },
  shift: { start: 480, end: 1020 },
  stops: [{ id: 'p1', at: { lat: 42.35, lng: -71.07 }, serviceMinutes: 30, priority: 2 }],
};

describe('parseProblem', () => {
  it('fills the documented defaults', () => {
    const r = parseProblem(base);
    if (!r.ok) throw new Error(r.message);
    expect(r.problem.travel).toEqual({ kind: 'haversine', kmh: 40, roadFactor: 1.3 });
    expect(r.problem.breaks).toEqual([]);
    expect(r.problem.stops[0]).toMatchObject({ windows: [], mandatory: false });
  });

  // One row per mistake: the message must name the field.
  const cases: [string, unknown, string][] = [
    ['not an object', 3, 'problem: must be an object'],
    ['unknown field', { ...base, stop: [] }, 'unknown field "stop"'],
    ['missing stops', { ...base, stops: undefined }, 'stops: must be an array'],
    ['bad latitude', { ...base, start: { lat: 91, lng: 0 } }, 'start.lat: must be within [-90, 90]'],
    ['shift ends before it starts', { ...base, shift: { start: 600, end: 500 } }, 'shift.end: (500) is before start (600)'],
    ['window reversed', { ...base, stops: [{ ...base.stops[0], windows: [{ start: 700, end: 600 }] }] }, 'stops[0].windows[0].end'],
    ['negative service', { ...base, stops: [{ ...base.stops[0], serviceMinutes: -5 }] }, 'stops[0].serviceMinutes: must be at least 0'],
    ['duplicate id', { ...base, stops: [base.stops[0], base.stops[0]] }, 'stops[1].id: "p1" is already used by stops[0]'],
    ['mandatory not boolean', { ...base, stops: [{ ...base.stops[0], mandatory: 'yes' }] }, 'stops[0].mandatory'],
    ['x/y with haversine', { ...base, end: { x: 1, y: 2 } }, 'end: must be {"lat","lng"} for haversine travel'],
    ['unknown travel kind', { ...base, travel: { kind: 'walk' } }, 'travel.kind'],
    ['matrix of wrong size', { ...base, travel: { kind: 'matrix', minutes: [[0]] } }, 'travel.minutes: must have 3 rows'],
    ['negative matrix entry', { ...base, travel: { kind: 'matrix', minutes: [[0, 1, 1], [1, 0, -1], [1, 1, 0]] } }, 'travel.minutes[1][2]'],
    ['break latest before earliest', { ...base, breaks: [{ earliest: 720, latest: 700, minutes: 30 }] }, 'breaks[0].latest'],
    ['non-integer seed', { ...base, seed: 1.5 }, 'seed: must be an integer'],
    ['zero time limit', { ...base, timeLimitMs: 0 }, 'timeLimitMs: must be greater than 0'],
  ];
  it.each(cases)('rejects %s', (_name, input, message) => {
    const r = parseProblem(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('reports JSON syntax errors as invalid problems', () => {
    const r = parseProblemText('{"start":');
    expect(r).toMatchObject({ ok: false, code: 'invalid_problem' });
  });
});
