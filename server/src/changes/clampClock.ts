/**
 * S19: a device clock far ahead of the server's must not win every concurrent write for as
 * long as it stays ahead. Stamps more than MAX_CLOCK_AHEAD_MS ahead of the server clock are
 * replaced by the server time, keeping the device's node id. The counter counts the clamped
 * stamps of one batch, so a device's clamped stamps keep their order among themselves.
 */
import { decodeHlc, encodeHlc, type Hlc } from '../../../src/domain/hlc';

export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/** A clamp for one batch received at `nowMs`. */
export function clockClamp(nowMs: number): (hlc: string) => string {
  let clamped = 0;
  return (hlc) => {
    const stamp = decodeHlc(hlc as Hlc);
    if (stamp.wallMs <= nowMs + MAX_CLOCK_AHEAD_MS) return hlc;
    return encodeHlc({ wallMs: nowMs, counter: clamped++ }, stamp.nodeId);
  };
}
