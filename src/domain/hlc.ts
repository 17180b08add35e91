/**
 * Hybrid logical clock stamps for per-field last-writer-wins. A stamp is the wall-clock
 * milliseconds, a counter that orders writes within one millisecond (or while the wall clock
 * runs behind the last stamp seen), and the writing node's id as the final tie-break.
 * Encoded so that plain string comparison is stamp order.
 *
 * Invariants: stamps from one node strictly increase; a local write never fails because of
 * clock drift (a clock that went backwards just keeps counting from the last stamp). The
 * counter has a fixed width (HLC_COUNTER_MAX): a counter that would pass it moves the stamp to
 * the next millisecond instead, so string order stays stamp order however long the wall clock
 * stays behind.
 */
import type { Brand } from './ids';

export type Hlc = Brand<string, 'Hlc'>;

export interface HlcState {
  readonly wallMs: number;
  readonly counter: number;
}

export const HLC_ZERO: HlcState = { wallMs: 0, counter: 0 };

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
/** The largest counter the fixed-width encoding can hold. */
export const HLC_COUNTER_MAX = 10 ** COUNTER_DIGITS - 1;

export function encodeHlc(state: HlcState, nodeId: string): Hlc {
  // A wider counter would sort before smaller ones as a string: a bug in whoever built the state.
  if (!Number.isInteger(state.counter) || state.counter < 0 || state.counter > HLC_COUNTER_MAX) {
    throw new RangeError(`hlc counter out of range: ${state.counter}`);
  }
  return `${String(state.wallMs).padStart(WALL_DIGITS, '0')}:${String(state.counter).padStart(COUNTER_DIGITS, '0')}:${nodeId}` as Hlc;
}

export function decodeHlc(hlc: Hlc): HlcState & { readonly nodeId: string } {
  const [wall, counter, ...node] = hlc.split(':');
  return { wallMs: Number(wall), counter: Number(counter), nodeId: node.join(':') };
}

/** The stamp for a local write at `nowMs`, and the clock state after it. */
export function tickHlc(state: HlcState, nowMs: number): HlcState {
  return nowMs > state.wallMs ? { wallMs: nowMs, counter: 0 } : next(state.wallMs, state.counter + 1);
}

/** Folds in a stamp seen from elsewhere so later local stamps sort after it. */
export function observeHlc(state: HlcState, seen: Hlc, nowMs: number): HlcState {
  const remote = decodeHlc(seen);
  const wallMs = Math.max(state.wallMs, remote.wallMs, nowMs);
  if (wallMs === state.wallMs && wallMs === remote.wallMs) return next(wallMs, Math.max(state.counter, remote.counter) + 1);
  if (wallMs === state.wallMs) return next(wallMs, state.counter + 1);
  if (wallMs === remote.wallMs) return next(wallMs, remote.counter + 1);
  return { wallMs, counter: 0 };
}

/** `counter` within `wallMs`, or the first stamp of the next millisecond once the counter is full. */
function next(wallMs: number, counter: number): HlcState {
  return counter > HLC_COUNTER_MAX ? { wallMs: wallMs + 1, counter: 0 } : { wallMs, counter };
}
