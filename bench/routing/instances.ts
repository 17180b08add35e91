/**
 * Readers for the benchmark files in ../shared/bench/routing (formats and distance conventions
 * in its SOURCES.md), each turned into a planner Problem with a travel matrix:
 *  - OPTW (Righini-Salani / Montemanni sets): distances truncated to 1 decimal (Solomon-based)
 *    or 2 decimals (Cordeau-based "pr" files), service added, windows on the start of service,
 *    horizon = closing time of the depot, profit = priority. Times are scaled by 10 or 100 so
 *    every number is an integer and the float sums are exact.
 *  - TSPLIB: EUC_2D (nint of the Euclidean distance) or EXPLICIT LOWER_DIAG_ROW; every city is
 *    a mandatory stop and city 1 is both start and end.
 */
import { parseProblem } from '../../src/routing/problem';
import type { Problem } from '../../src/routing/types';

export interface BenchInstance {
  readonly name: string;
  readonly family: 'OPTW' | 'TSPLIB';
  readonly problem: Problem;
  /** Divide the planner's priority (OPTW) or travel (TSPLIB) by this to get the literature value. */
  readonly scale: number;
}

function toProblem(input: unknown): Problem {
  const r = parseProblem(input);
  if (!r.ok) throw new Error(r.message);
  return r.problem;
}

const numbers = (line: string): number[] => line.trim().split(/\s+/).filter(Boolean).map(Number);

export function readOptw(name: string, text: string): BenchInstance {
  const rows = text.split('\n').map(numbers).filter((r) => r.length > 0);
  const decimals = name.startsWith('pr') ? 2 : 1;
  const scale = 10 ** decimals;
  const vertices = rows.slice(2).map((r) => ({ x: r[1]!, y: r[2]!, service: r[3]!, profit: r[4]!, open: r[r.length - 2]!, close: r[r.length - 1]! }));
  const depot = vertices[0]!;
  const all = vertices;
  // Truncation, in integer units: floor(d * 10^decimals); the tiny epsilon guards exact values like 5.0.
  const dist = (a: (typeof all)[number], b: (typeof all)[number]): number => Math.floor(Math.hypot(a.x - b.x, a.y - b.y) * scale + 1e-9);
  const nodes = [depot, depot, ...all.slice(1)];
  const minutes = nodes.map((a) => nodes.map((b) => dist(a, b)));
  return {
    name,
    family: 'OPTW',
    scale: 1,
    problem: toProblem({
      start: { x: depot.x, y: depot.y },
      end: { x: depot.x, y: depot.y },
      shift: { start: Math.round(depot.open * scale), end: Math.round(depot.close * scale) },
      travel: { kind: 'matrix', minutes },
      stops: all.slice(1).map((v, i) => ({
        id: `c${i + 1}`,
        at: { x: v.x, y: v.y },
        serviceMinutes: Math.round(v.service * scale),
        windows: [{ start: Math.round(v.open * scale), end: Math.round(v.close * scale) }],
        priority: v.profit,
      })),
    }),
  };
}

export function readTsplib(name: string, text: string): BenchInstance {
  const lines = text.split('\n').map((l) => l.trim());
  const header = (key: string): string | undefined =>
    lines.find((l) => l.toUpperCase().startsWith(key))?.split(':')[1]?.trim();
  const n = Number(header('DIMENSION'));
  const type = header('EDGE_WEIGHT_TYPE');
  let d: number[][];
  if (type === 'EUC_2D') {
    const start = lines.findIndex((l) => l.startsWith('NODE_COORD_SECTION')) + 1;
    const pts = lines.slice(start, start + n).map(numbers).map((r) => ({ x: r[1]!, y: r[2]! }));
    d = pts.map((a) => pts.map((b) => Math.floor(Math.hypot(a.x - b.x, a.y - b.y) + 0.5)));
  } else if (type === 'EXPLICIT' && header('EDGE_WEIGHT_FORMAT') === 'LOWER_DIAG_ROW') {
    const start = lines.findIndex((l) => l.startsWith('EDGE_WEIGHT_SECTION')) + 1;
    const end = lines.findIndex((l, i) => i >= start && l.startsWith('EOF'));
    const w = lines.slice(start, end < 0 ? undefined : end).flatMap(numbers);
    d = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        d[i]![j] = w[k]!;
        d[j]![i] = w[k]!;
        k++;
      }
    }
  } else throw new Error(`${name}: unsupported EDGE_WEIGHT_TYPE ${type}`);
  const order = [0, 0, ...Array.from({ length: n - 1 }, (_, i) => i + 1)];
  return {
    name,
    family: 'TSPLIB',
    scale: 1,
    problem: toProblem({
      start: { x: 0, y: 0 },
      end: { x: 0, y: 0 },
      shift: { start: 0, end: 1e9 },
      travel: { kind: 'matrix', minutes: order.map((a) => order.map((b) => d[a]![b]!)) },
      stops: order.slice(2).map((c) => ({ id: `city${c + 1}`, at: { x: 0, y: 0 }, mandatory: true })),
    }),
  };
}
