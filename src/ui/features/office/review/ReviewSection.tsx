/**
 * The office's Review section: the signed notes of the supervisor's team (from the server,
 * `GET /api/office/notes`), filtered by contact dates, specialist and "not yet reviewed", a
 * page at a time, newest contact first. Opening a note shows it read-only with its addenda
 * and lets the supervisor add a review (ReviewNote.tsx). The list can be saved as CSV: its
 * columns except the summary, so no note text leaves the office in a file.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { localIsoDate } from '../../../../domain/calendar';
import { addDays } from '../../../../domain/withinReason';
import type { ReviewListResponse, TeamMember } from '../../../../worker/client';
import { useServices } from '../../../data/AppServices';
import { useI18n } from '../../../i18n/I18n';
import { saveTextFile } from '../../admin/saveTextFile';
import { OfficeLoaded } from '../OfficeProblem';
import { OFFICE_TEXT } from '../officeText';
import { useOfficeLoad } from '../useOfficeLoad';
import { ReviewNote } from './ReviewNote';
import { REVIEW_COLUMNS, reviewCsv, reviewRowText } from './reviewTable';
import { REVIEW_WORDS } from './reviewWords';

/** Notes per page. */
export const REVIEW_PAGE = 50;

interface Filter {
  readonly from: string;
  readonly to: string;
  readonly authorId: string | null;
  readonly unreviewedOnly: boolean;
}

/** The last seven days, today included. */
function defaultFilter(): Filter {
  const today = localIsoDate(new Date());
  return { from: addDays(today, -6), to: today, authorId: null, unreviewedOnly: false };
}

export function ReviewSection() {
  const { worker } = useServices();
  const { locale } = useI18n();
  const words = REVIEW_WORDS[locale];
  const office = OFFICE_TEXT[locale];
  const [draft, setDraft] = useState<Filter>(defaultFilter);
  const [applied, setApplied] = useState<Filter>(draft);
  const [offset, setOffset] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [team, setTeam] = useState<readonly TeamMember[] | null>(null);

  // The specialists to filter by: the Team table's people (names only); without it, everyone.
  useEffect(() => {
    let live = true;
    worker.officeTeam().then(
      (res) => live && setTeam(res.ok ? res.value.members : []),
      () => live && setTeam([]),
    );
    return () => {
      live = false;
    };
  }, [worker]);

  const list = useOfficeLoad(
    useCallback(
      () =>
        worker.officeReviewNotes({
          from: applied.from,
          to: applied.to,
          authorId: applied.authorId,
          reviewed: applied.unreviewedOnly ? 'unreviewed' : 'all',
          limit: REVIEW_PAGE,
          offset,
        }),
      [worker, applied, offset],
    ),
  );

  function apply(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setOffset(0);
    setApplied({ ...draft });
  }

  function exportCsv(value: ReviewListResponse) {
    saveTextFile(reviewCsv(value.notes, locale), words.csvFileName(applied.from, applied.to), 'text/csv;charset=utf-8');
    setSaved(true);
  }

  if (openId !== null) {
    return (
      <section aria-labelledby="office-review-title">
        <h1 id="office-review-title">{words.title}</h1>
        <ReviewNote noteId={openId} onClose={() => setOpenId(null)} onReviewed={list.reload} />
      </section>
    );
  }

  return (
    <section aria-labelledby="office-review-title">
      <h1 id="office-review-title">{words.title}</h1>
      <p>{words.intro}</p>
      <form onSubmit={apply} aria-label={words.filtersLabel} className="escalation-queue__controls">
        <div className="field">
          <label htmlFor="review-from">{words.from}</label>
          <input id="review-from" type="date" required value={draft.from} max={draft.to} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="review-to">{words.to}</label>
          <input id="review-to" type="date" required value={draft.to} min={draft.from} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="review-author">{words.specialist}</label>
          <select id="review-author" value={draft.authorId ?? ''} onChange={(e) => setDraft({ ...draft, authorId: e.target.value === '' ? null : e.target.value })}>
            <option value="">{words.everyone}</option>
            {(team ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={draft.unreviewedOnly} onChange={(e) => setDraft({ ...draft, unreviewedOnly: e.target.checked })} />
          <span>{words.unreviewedOnly}</span>
        </label>
        <button type="submit" className="button">
          {words.show}
        </button>
      </form>
      <OfficeLoaded data={list.data} onRetry={list.reload}>
        {(value) => (
          <>
            <div className="escalation-queue__controls">
              <button type="button" className="button" onClick={() => { setSaved(false); list.reload(); }}>
                {office.refresh}
              </button>
              <button type="button" className="button" disabled={value.notes.length === 0} onClick={() => exportCsv(value)}>
                {words.exportCsv}
              </button>
            </div>
            <p className="muted">{words.csvNote}</p>
            {saved && (
              <p role="status" className="admin-notice">
                {words.csvReady}
              </p>
            )}
            {value.notes.length === 0 ? (
              <p className="muted">{words.empty}</p>
            ) : (
              <div className="admin-table-wrap" role="region" aria-label={words.scroll} tabIndex={0}>
                <table className="admin-table review-table">
                  <caption>{words.caption}</caption>
                  <thead>
                    <tr>
                      {REVIEW_COLUMNS.map((c) => (
                        <th key={c} scope="col">
                          {words.column[c]}
                        </th>
                      ))}
                      <th scope="col">{words.openShort}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {value.notes.map((n) => {
                      const row = reviewRowText(n, locale);
                      return (
                        <tr key={n.id}>
                          <th scope="row">
                            <time dateTime={n.contactAt}>{row.contactAt}</time>
                          </th>
                          <td>{row.author}</td>
                          <td>{row.patient}</td>
                          <td>{row.mode}</td>
                          <td>{row.outcome}</td>
                          <td>{row.summary}</td>
                          <td>{n.reviewed ? <strong>{row.reviewed}</strong> : row.reviewed}</td>
                          <td>
                            <button type="button" className="button" aria-label={words.open(row.patient, row.contactAt)} onClick={() => setOpenId(n.id)}>
                              {words.openShort}
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            {(offset > 0 || value.hasMore) && (
              <nav className="escalation-queue__controls" aria-label={words.page(offset + 1, offset + value.notes.length)}>
                <p>{words.page(offset + 1, offset + value.notes.length)}</p>
                <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - REVIEW_PAGE))}>
                  {words.previous}
                </button>
                <button type="button" className="button" disabled={!value.hasMore} onClick={() => setOffset(offset + REVIEW_PAGE)}>
                  {words.next}
                </button>
              </nav>
            )}
          </>
        )}
      </OfficeLoaded>
    </section>
  );
}
