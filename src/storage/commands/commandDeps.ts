/** What every storage command needs: the database, the codec, a clock, ids and the author. */
import type { IsoDate, IsoDateTime } from '../../domain/ids';
import type { RecordCodec } from '../codec';
import type { RoundsDb } from '../db';
import type { WriteContext } from '../writeChanges';

export interface CommandDeps extends WriteContext {
  readonly db: RoundsDb;
  readonly codec: RecordCodec;
  /** The local calendar day, as the person sees it. */
  readonly today: () => IsoDate;
}

export const isoNow = (deps: Pick<CommandDeps, 'now'>): IsoDateTime => deps.now().toISOString() as IsoDateTime;
