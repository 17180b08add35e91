/**
 * The roster: search as you type, filters, and the matching patients. Filtering is a pure
 * function over rows built once per data change; only the first page of matches is rendered
 * so each keystroke stays fast on a tablet with thousands of patients.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { EMPTY_FILTER, filterRoster, languagesIn, type RosterFilter } from '../../../domain/roster';
import { useNow, useSyncStatus, useTerritory } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { RosterFilters } from './RosterFilters';
import { RosterItem } from './RosterItem';
import { useRosterRows } from './useRosterRows';

const PAGE = 50;
export const USABLE_MARK = 'rounds:roster-usable';

export function RosterScreen() {
  const { t } = useI18n();
  const territory = useTerritory();
  const now = useNow(60_000);
  const rows = useRosterRows(territory, now);
  const status = useSyncStatus();
  const [filter, setFilter] = useState<RosterFilter>(EMPTY_FILTER);
  const [limit, setLimit] = useState(PAGE);
  // Typing stays responsive even if a filter pass is slow on an old device.
  const deferred = useDeferredValue(filter);

  const matches = useMemo(() => (rows ? filterRoster(rows, deferred) : []), [rows, deferred]);
  const languages = useMemo(() => (rows ? languagesIn(rows) : []), [rows]);
  const facilities = useMemo(
    () => [...(territory?.facilities ?? [])].filter((f) => f.kind !== 'hospital').sort((a, b) => a.name.localeCompare(b.name)),
    [territory],
  );

  // Benchmarks read this mark: navigation start to the first roster a person can use.
  const usable = rows !== undefined && rows.length > 0;
  useEffect(() => {
    if (usable && performance.getEntriesByName(USABLE_MARK).length === 0) performance.mark(USABLE_MARK);
  }, [usable]);

  function changeFilter(f: RosterFilter) {
    setFilter(f);
    setLimit(PAGE);
  }

  const shown = matches.slice(0, limit);
  const total = rows?.length ?? 0;

  return (
    <section aria-labelledby="roster-title" className="roster">
      <h1 id="roster-title">{t.rosterTitle}</h1>
      <label className="field search">
        <span>{t.searchLabel}</span>
        <input
          type="search"
          inputMode="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t.searchPlaceholder}
          value={filter.query}
          disabled={!rows}
          onChange={(e) => changeFilter({ ...filter, query: e.target.value })}
        />
      </label>
      <RosterFilters filter={filter} onChange={changeFilter} languages={languages} facilities={facilities} />
      <p className="muted" aria-live="polite" data-testid="results-count">
        {rows ? t.resultsCount(matches.length, total) : ''}
      </p>
      {rows && total === 0 && status.phase === 'idle' && <p>{t.emptyRoster}</p>}
      {rows && total > 0 && matches.length === 0 && <p>{t.noResults}</p>}
      <ul className="roster-list" aria-label={t.rosterTitle} data-query={deferred.query} data-ready={rows ? 'true' : 'false'}>
        {shown.map((r) => (
          <RosterItem key={r.id} row={r} pending={territory?.pendingPatients.has(r.id) ?? false} />
        ))}
      </ul>
      {matches.length > shown.length && (
        <button type="button" className="button button--wide" onClick={() => setLimit(limit + PAGE)}>
          {t.showMore}
        </button>
      )}
    </section>
  );
}
