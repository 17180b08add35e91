import { describe, expect, it } from 'vitest';
import { buildTravelMatrix, haversineKm, nodeTravel, placeTravel } from './travel';
import { problemOf } from './testkit';

describe('travel models', () => {
  it('haversine: Boston to New York is about 306 km as the crow flies', () => {
    const km = haversineKm({ lat: 42.3601, lng: -71.0589 }, { lat: 40.7128, lng: -74.006 });
    expect(km).toBeGreaterThan(300);
    expect(km).toBeLessThan(310);
  });

  it('haversine minutes = km x road factor / kmh x 60', () => {
    const a = { lat: 42.36, lng: -71.06 };
    const b = { lat: 42.37, lng: -71.06 };
    const minutes = placeTravel({ kind: 'haversine', kmh: 30, roadFactor: 1.5 }, a, b);
    expect(minutes).toBeCloseTo(((haversineKm(a, b) * 1.5) / 30) * 60, 9);
  });

  it('euclidean divides the distance by unitsPerMinute', () => {
    expect(placeTravel({ kind: 'euclidean', unitsPerMinute: 2 }, { x: 0, y: 0 }, { x: 3, y: 4 })).toBe(2.5);
  });

  it('matrix: rows are start, end, then stops in order', () => {
    const p = problemOf({
      start: { x: 0, y: 0 },
      end: { x: 0, y: 0 },
      shift: { start: 0, end: 100 },
      travel: { kind: 'matrix', minutes: [[0, 1, 2], [3, 0, 4], [5, 6, 0]] },
      stops: [{ id: 'a', at: { x: 9, y: 9 } }],
    });
    expect(nodeTravel(p, 0, 2)).toBe(2);
    expect(nodeTravel(p, 2, 1)).toBe(6);
    expect(Array.from(buildTravelMatrix(p))).toEqual([0, 1, 2, 3, 0, 4, 5, 6, 0]);
  });
});
