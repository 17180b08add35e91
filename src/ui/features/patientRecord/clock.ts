/**
 * The wall clock as the record editors need it: the instant of a person's action (consent,
 * closing a gap) and the local calendar day (a barrier resolved "today")..
 */
import { localIsoDate } from '../../../domain/calendar';
import { asIsoDateTime, type IsoDate, type IsoDateTime } from '../../../domain/ids';

export const nowIso = (): IsoDateTime => asIsoDateTime(new Date().toISOString());

export const todayLocal = (): IsoDate => localIsoDate(new Date());
