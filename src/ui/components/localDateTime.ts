/**
 * `<input type="datetime-local">` speaks local wall time; records keep UTC instants. The two
 * conversions every date-and-time field needs.
 */
import { asIsoDateTime, type IsoDateTime } from '../../domain/ids';

export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `2026-12-01T09:30` read in the device's time zone; null when not a complete date and time. */
export function fromLocalInput(value: string): IsoDateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : asIsoDateTime(d.toISOString());
}
