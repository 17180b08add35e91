/**
 * The office's Assignments: per specialist their territories and coverages (from
 * `GET /api/office/assignments`, the server's UTC day), with a CSV export; assigning a
 * territory; covering a colleague for a range of days; cancelling a coverage; moving
 * patients between territories by a filter, counted first (a dry run) and moved only after
 * the count is confirmed. Every step reloads the table; a refusal shows the server's words.
 */
import { useCallback, useState, type FormEvent } from 'react';
import type { AssignmentsResponse } from '../../../../protocol/officeAssignments';
import type { OfficeResult } from '../../../../worker/client';
import { useServices } from '../../../data/AppServices';
import { useI18n } from '../../../i18n/I18n';
import { saveTextFile } from '../../admin/saveTextFile';
import { OfficeLoaded, OfficeProblem } from '../OfficeProblem';
import { useOfficeAction, useOfficeLoad, type OfficeFailure } from '../useOfficeLoad';
import { ASSIGNMENT_COLUMNS, assignmentRow, assignmentsCsv } from './assignmentsTable';
import { ASSIGNMENTS_TEXT, type AssignmentsWords } from './assignmentsText';

export function AssignmentsSection() {
  const { worker } = useServices();
  const { locale, formatDate } = useI18n();
  const text = ASSIGNMENTS_TEXT[locale];
  const data = useOfficeLoad(useCallback(() => worker.officeAssignments(), [worker]));
  const action = useOfficeAction();
  // Kept as words to say, not a sentence: a language switch retells it in the new language.
  const [notice, setNotice] = useState<((t: AssignmentsWords) => string) | null>(null);
  const [failure, setFailure] = useState<OfficeFailure | null>(null);

  async function step<T>(call: () => Promise<OfficeResult<T>>, done: (value: T) => (t: AssignmentsWords) => string) {
    setNotice(null);
    setFailure(null);
    const res = await action.run(call);
    if (res.ok) {
      setNotice(() => done(res.value));
      data.reload();
    } else setFailure(res.failure);
    return res.ok ? res.value : null;
  }

  return (
    <section aria-labelledby="office-assignments-title">
      <h1 id="office-assignments-title">{text.title}</h1>
      {notice && <p role="status" className="admin-notice">{notice(text)}</p>}
      {failure && <OfficeProblem failure={failure} />}
      <OfficeLoaded data={data.data} onRetry={data.reload}>
        {(value) => (
          <>
            <p>{text.today(formatDate(value.today))}</p>
            <div className="escalation-queue__controls">
              <button
                type="button"
                className="button"
                disabled={value.specialists.length === 0}
                onClick={() => {
                  saveTextFile(assignmentsCsv(value, locale), text.csvFileName(value.today), 'text/csv;charset=utf-8');
                  setNotice(() => (t: AssignmentsWords) => t.csvReady);
                }}
              >
                {text.exportCsv}
              </button>
            </div>
            <div className="admin-table-wrap" role="region" aria-label={text.scroll} tabIndex={0}>
              <table className="admin-table">
                <caption>{text.caption}</caption>
                <thead>
                  <tr>
                    {ASSIGNMENT_COLUMNS.map((c) => (
                      <th key={c} scope="col">{text.column[c]}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {value.specialists.map((s) => {
                    const row = assignmentRow(s, locale);
                    return (
                      <tr key={s.id}>
                        <th scope="row">{row.specialist}</th>
                        <td>{row.territories}</td>
                        <td>
                          {s.coverages.length === 0
                            ? row.coverages
                            : s.coverages.map((c) => (
                                <div key={c.id}>
                                  {text.coverage(c.territoryName, formatDate(c.from), formatDate(c.to), c.current)}{' '}
                                  <button
                                    type="button"
                                    className="button"
                                    disabled={action.busy}
                                    aria-label={text.cancelCoverage(c.territoryName, s.name)}
                                    onClick={() => void step(() => worker.officeCancelCoverage(c.id), () => (t) => t.cancelled)}
                                  >
                                    {text.cancel}
                                  </button>
                                </div>
                              ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <AssignForm value={value} busy={action.busy} onAssign={(territoryId, userId) => step(() => worker.officeAssignTerritory(territoryId, userId), () => (t) => t.assigned)} />
            <CoverForm value={value} busy={action.busy} onCover={(c) => step(() => worker.officeCreateCoverage(c), () => (t) => t.covered)} />
            <MoveForm
              value={value}
              busy={action.busy}
              onCount={(m) => step(() => worker.officeMovePatients({ ...m, dryRun: true }), (r) => (t) => t.counted(r.count))}
              onMove={(m) => step(() => worker.officeMovePatients(m), (r) => (t) => t.moved(r.count))}
            />
          </>
        )}
      </OfficeLoaded>
    </section>
  );
}

function useWords() {
  return ASSIGNMENTS_TEXT[useI18n().locale];
}

function Choice({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (v: string) => void; options: readonly { id: string; name: string }[] }) {
  const text = useWords();
  return (
    <label className="field field--inline" htmlFor={id}>
      {label}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required>
        <option value="">{text.choose}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>{o.name}</option>
        ))}
      </select>
    </label>
  );
}

function AssignForm({ value, busy, onAssign }: { value: AssignmentsResponse; busy: boolean; onAssign: (territoryId: string, userId: string) => Promise<unknown> }) {
  const text = useWords();
  const [territoryId, setTerritoryId] = useState('');
  const [userId, setUserId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onAssign(territoryId, userId);
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="assign-title">
      <h2 id="assign-title">{text.assignTitle}</h2>
      <Choice id="assign-territory" label={text.territory} value={territoryId} onChange={setTerritoryId} options={value.territories} />
      <Choice id="assign-user" label={text.specialist} value={userId} onChange={setUserId} options={value.specialists} />
      <button type="submit" className="button" disabled={busy || !territoryId || !userId}>{text.assign}</button>
    </form>
  );
}

function CoverForm({ value, busy, onCover }: { value: AssignmentsResponse; busy: boolean; onCover: (c: { userId: string; territoryId: string; from: string; to: string }) => Promise<unknown> }) {
  const text = useWords();
  const [userId, setUserId] = useState('');
  const [territoryId, setTerritoryId] = useState('');
  const [from, setFrom] = useState(value.today);
  const [to, setTo] = useState(value.today);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onCover({ userId, territoryId, from, to });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="cover-title">
      <h2 id="cover-title">{text.coverTitle}</h2>
      <Choice id="cover-user" label={text.specialist} value={userId} onChange={setUserId} options={value.specialists} />
      <Choice id="cover-territory" label={text.territory} value={territoryId} onChange={setTerritoryId} options={value.territories} />
      <label className="field field--inline" htmlFor="cover-from">
        {text.from}
        <input id="cover-from" type="date" value={from} min={value.today} onChange={(e) => setFrom(e.target.value)} required />
      </label>
      <label className="field field--inline" htmlFor="cover-to">
        {text.to}
        <input id="cover-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <button type="submit" className="button" disabled={busy || !userId || !territoryId}>{text.cover}</button>
    </form>
  );
}

interface MoveRequest {
  readonly filter: { fromTerritoryId: string; postalCode?: string; facilityId?: string };
  readonly territoryId: string;
}

function MoveForm({ value, busy, onCount, onMove }: {
  value: AssignmentsResponse;
  busy: boolean;
  onCount: (m: MoveRequest) => Promise<{ count: number } | null>;
  onMove: (m: MoveRequest) => Promise<unknown>;
}) {
  const text = useWords();
  const [fromTerritoryId, setFrom] = useState('');
  const [territoryId, setTo] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [facilityId, setFacilityId] = useState('');
  // The count confirmed applies to exactly this request; any change asks for a new count.
  const [counted, setCounted] = useState<{ key: string; count: number } | null>(null);
  const request: MoveRequest = {
    filter: { fromTerritoryId, ...(postalCode.trim() ? { postalCode: postalCode.trim() } : {}), ...(facilityId.trim() ? { facilityId: facilityId.trim() } : {}) },
    territoryId,
  };
  const key = JSON.stringify(request);
  const count = async (e: FormEvent) => {
    e.preventDefault();
    const res = await onCount(request);
    setCounted(res ? { key, count: res.count } : null);
  };
  return (
    <form className="card" onSubmit={(e) => void count(e)} aria-labelledby="move-title">
      <h2 id="move-title">{text.moveTitle}</h2>
      <Choice id="move-from" label={text.fromTerritory} value={fromTerritoryId} onChange={setFrom} options={value.territories} />
      <Choice id="move-to" label={text.toTerritory} value={territoryId} onChange={setTo} options={value.territories} />
      <label className="field field--inline" htmlFor="move-postal">
        {text.postalCode}
        <input id="move-postal" value={postalCode} maxLength={20} onChange={(e) => setPostalCode(e.target.value)} />
      </label>
      <label className="field field--inline" htmlFor="move-facility">
        {text.facilityId}
        <input id="move-facility" value={facilityId} maxLength={100} onChange={(e) => setFacilityId(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={busy || !fromTerritoryId || !territoryId}>{text.count}</button>{' '}
      {counted && counted.key === key && counted.count > 0 && (
        <button type="button" className="button" disabled={busy} onClick={() => void onMove(request).then(() => setCounted(null))}>
          {text.confirmMove(counted.count)}
        </button>
      )}
    </form>
  );
}
