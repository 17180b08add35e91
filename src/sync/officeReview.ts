/**
 * The office's note review calls (online only; nothing here touches the device's records): the
 * team's signed notes in a range of days, one note with its addenda, and a review. The
 * patient's name never travels in a URL: the list is filtered by dates, a specialist's id and
 * the review state only.
 */
import { reviewListResponseSchema, reviewNoteResponseSchema, reviewResponseSchema, type ReviewFilter } from '../protocol/officeReview';
import { authedRequest } from './authedRequest';
import type { SyncDeps } from './deps';
import { toOnlineResult, type OnlineResult } from './onlineResult';
import type { OfficeErrorCode } from './office';

type OfficeDeps = Pick<SyncDeps, 'db' | 'codec' | 'fetch' | 'baseUrl'>;

export interface ReviewListFilter {
  /** UTC days of the contact, both included (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  readonly authorId: string | null;
  readonly reviewed: ReviewFilter;
  readonly limit: number;
  readonly offset: number;
}

const seg = encodeURIComponent;

export function createOfficeReviewCalls(deps: OfficeDeps) {
  const result = <T>(res: Parameters<typeof toOnlineResult<T, 'forbidden' | 'not_found' | 'conflict'>>[0]): OnlineResult<T, OfficeErrorCode> =>
    toOnlineResult(res, ['forbidden', 'not_found', 'conflict']);
  return {
    officeReviewNotes: async (filter: ReviewListFilter) => {
      const query = new URLSearchParams({ from: filter.from, to: filter.to, reviewed: filter.reviewed, limit: String(filter.limit), offset: String(filter.offset) });
      if (filter.authorId !== null) query.set('authorId', filter.authorId);
      return result(await authedRequest(deps, `/api/office/notes?${query.toString()}`, null, reviewListResponseSchema, { method: 'GET' }));
    },
    officeReviewNote: async (noteId: string) =>
      result(await authedRequest(deps, `/api/office/notes/${seg(noteId)}`, null, reviewNoteResponseSchema, { method: 'GET' })),
    /** Writes a review addendum (co-signing when `cosign`); the answer is the addendum as stored. */
    officeAddReview: async (noteId: string, text: string, cosign: boolean) => {
      const res = result(await authedRequest(deps, `/api/office/notes/${seg(noteId)}/review`, { text, cosign }, reviewResponseSchema));
      return res.ok ? { ok: true as const, value: res.value.addendum } : res;
    },
  };
}
