/**
 * The wall clock as the record editors need it: the instant of a person's action (consent,
 * closing a gap) and the local calendar day (a barrier resolved "today"). Also turns the
 * value of an `<input type="datetime-local">` (local wall time) into a UTC instant.
 */
import { format } from 'date-fns';
import { asIsoDate, asIsoDateTime, type IsoDate, type IsoDateTime } from '../../../domain/ids';

export const nowIso = (): IsoDateTime => asIsoDateTime(new Date().toISOString());

export const todayLocal = (): IsoDate => asIsoDate(format(new Date(), 'yyyy-MM-dd'));

/** `2026-12-01T09:30` read in the device's time zone; null when not a complete date and time. */
export function localDateTimeToIso(value: string): IsoDateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : asIsoDateTime(d.toISOString());
}
