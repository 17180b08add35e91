/**
 * The saved plan of a day, read live from the device: it changes when the worker saves a new
 * plan or a van event, and it is there again after a reload. `undefined` while loading, `null`
 * when the day has no plan yet. Reads only; the worker reads, decodes and writes.
 */
import type { IsoDate } from '../../../domain/ids';
import type { SavedDayPlan } from '../../../worker/client';
import { useWatch } from '../../data/useWatch';

export function useDayPlan(day: IsoDate): SavedDayPlan | null | undefined {
  // A new day starts a new watch, which answers `undefined` until that day's plan is read.
  return useWatch('dayPlan', [day]);
}
