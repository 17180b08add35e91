/**
 * Calendar days as a person sees them: the date in the device's (or server's) own time zone,
 * not UTC, so "today" in Boston at 9 pm is still today. Pure given its argument.
 */
import type { IsoDate } from './ids';

export function localIsoDate(d: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` as IsoDate;
}
