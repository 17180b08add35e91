/**
 * Suggested visits, most important first, each with its reasons in words: pick or unpick a
 * patient, and mark a pick as a must-visit (which picks it too). Shows a page at a time so the
 * list stays short on a tablet; knows nothing about planning.
 */
import { useState } from 'react';
import type { CandidateReason, DayCandidate } from '../../../domain/dayCandidates';
import { fullName, type Patient } from '../../../domain/patient';
import { useI18n } from '../../i18n/I18n';
import { formatInstantClock, type Picks } from './dayForm';
import { TODAY_TEXT, type TodayText } from './todayText';

const PAGE = 25;

function reasonText(r: CandidateReason, tx: TodayText, clock: (iso: string) => string): string {
  switch (r.code) {
    case 'appointment':
      return tx.reason.appointment(clock(r.startsAt));
    case 'overdue':
      return tx.reason.overdue(r.days);
    case 'tasks_due':
      return tx.reason.tasks_due(r.count);
    case 'care_gaps':
      return tx.reason.care_gaps(r.count);
    case 'no_show':
      return tx.reason.no_show;
    case 'since_contact':
      return tx.reason.since_contact(r.days);
    case 'never_contacted':
      return tx.reason.never_contacted;
  }
}

export function CandidateList({
  candidates,
  unplaced = [],
  picks,
  onChange,
}: {
  candidates: readonly DayCandidate[];
  /** Patients worth seeing whom no route can reach (no location), named with that reason. */
  unplaced?: readonly Patient[];
  picks: Picks;
  onChange: (picks: Picks) => void;
}) {
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  const [limit, setLimit] = useState(PAGE);
  // Picked patients stay on screen even when they rank below the page.
  const shown = candidates.filter((c, i) => i < limit || c.patient.id in picks);

  function setPick(id: string, picked: boolean, mandatory: boolean) {
    const next = { ...picks };
    if (picked) next[id] = mandatory;
    else delete next[id];
    onChange(next);
  }

  return (
    <section aria-labelledby="suggestions-title" className="card">
      <h2 id="suggestions-title">{tx.suggestions}</h2>
      {candidates.length === 0 ? (
        <p>{tx.noSuggestions}</p>
      ) : (
        <p className="muted" aria-live="polite">
          {tx.suggestionsCount(Math.min(limit, candidates.length), candidates.length)} · {tx.picked(Object.keys(picks).length)}
        </p>
      )}
      {unplaced.length > 0 && <p className="record-warning">{tx.unplaced(unplaced.map(fullName).join(', '))}</p>}
      <ul className="plain-list" aria-label={tx.suggestions}>
        {shown.map((c) => {
          const name = fullName(c.patient);
          const picked = c.patient.id in picks;
          return (
            <li key={c.patient.id} className="candidate">
              <div className="candidate__who">
                <span className="roster-item__name">{name}</span>
                <span className="muted">{c.facility ? c.facility.name : tx.homeVisit(c.patient.address.city)}</span>
                <span className="muted">{tx.visitKind(tx.visitKinds[c.visit.kind], c.visit.minutes)}</span>
                <span className="candidate__reasons">
                  <span className="badge">{tx.priority(c.score)}</span>
                  {c.reasons.map((r) => (
                    <span key={r.code} className={`badge badge--reason-${r.code}`}>
                      {reasonText(r, tx, (iso) => formatInstantClock(iso, locale))}
                    </span>
                  ))}
                </span>
              </div>
              <div className="candidate__choices">
                <label className="check">
                  <input type="checkbox" checked={picked} aria-label={tx.visitLabel(name)} onChange={(e) => setPick(c.patient.id, e.target.checked, false)} />
                  <span aria-hidden="true">{tx.visit}</span>
                </label>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={picks[c.patient.id] === true}
                    aria-label={tx.mustVisitLabel(name)}
                    onChange={(e) => setPick(c.patient.id, e.target.checked || picked, e.target.checked)}
                  />
                  <span aria-hidden="true">{tx.mustVisit}</span>
                </label>
              </div>
            </li>
          );
        })}
      </ul>
      {candidates.length > limit && (
        <button type="button" className="button button--wide" onClick={() => setLimit(limit + PAGE)}>
          {tx.showMore}
        </button>
      )}
    </section>
  );
}
