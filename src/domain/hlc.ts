/**
 * Hybrid logical clock stamps for per-field last-writer-wins. A stamp is the wall-clock
 * milliseconds, a counter that orders writes within one millisecond (or while the wall clock
 * runs behind the last stamp seen), and the writing node's id as the final tie-break.
 * Encoded so that plain string comparison is stamp order.
 *
 * Invariants: stamps from one node strictly increase; a local write never fails because of
 * clock drift (a clock that went backwards just keeps counting from the last stamp).
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

export function encodeHlc(state: HlcState, nodeId: string): Hlc {
  return `${String(state.wallMs).padStart(WALL_DIGITS, '0')}:${String(state.counter).padStart(COUNTER_DIGITS, '0')}:${nodeId}` as Hlc;
}

export function decodeHlc(hlc: Hlc): HlcState & { readonly nodeId: string } {
  const [wall, counter, ...node] = hlc.split(':');
  return { wallMs: Number(wall), counter: Number(counter), nodeId: node.join(':') };
}

/** The stamp for a local write at `nowMs`, and the clock state after it. */
export function tickHlc(state: HlcState, nowMs: number): HlcState {
  return nowMs > state.wallMs ? { wallMs: nowMs, counter: 0 } : { wallMs: state.wallMs, counter: state.counter + 1 };
}

/** Folds in a stamp seen from elsewhere so later local stamps sort after it. */
export function observeHlc(state: HlcState, seen: Hlc, nowMs: number): HlcState {
  const remote = decodeHlc(seen);
  const wallMs = Math.max(state.wallMs, remote.wallMs, nowMs);
  if (wallMs === state.wallMs && wallMs === remote.wallMs) {
    return { wallMs, counter: Math.max(state.counter, remote.counter) + 1 };
  }
  if (wallMs === state.wallMs) return { wallMs, counter: state.counter + 1 };
  if (wallMs === remote.wallMs) return { wallMs, counter: remote.counter + 1 };
  return { wallMs, counter: 0 };
}
