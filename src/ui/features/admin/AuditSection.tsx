/**
 * The audit log: who read and changed what, newest first, filtered by dates, person, patient,
 * action and record kind; older events page in on request; the same selection downloads as CSV.
 */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { ADMIN_AUDIT_ACTIONS } from '../../../protocol/admin';
import type { AuditEventRow, AuditQuery } from '../../../worker/client';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT, type Say } from './adminText';
import { AdminProblem } from './AdminProblem';
import { actionWords, eventDetails, eventTarget } from './auditWords';
import { saveTextFile } from './saveTextFile';
import { useAdminAction, useAdminLoad } from './useAdminLoad';

const RECORD_ACTIONS = ['read', 'create', 'update', 'delete', 'sign_in', 'sign_in_failed', 'sign_out', 'password_change'];
const PAGE = 50;

interface Filters {
  from: string;
  to: string;
  userId: string;
  patientId: string;
  action: string;
  entityKind: string;
}
const NO_FILTERS: Filters = { from: '', to: '', userId: '', patientId: '', action: '', entityKind: '' };

/** Local calendar days to instants: `to` includes the whole of its day. */
export function toQuery(f: Filters): AuditQuery {
  const dayStart = (d: string, plusDays = 0) => {
    const date = new Date(`${d}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date.toISOString();
  };
  const q: { -readonly [K in keyof AuditQuery]: AuditQuery[K] } = {};
  if (f.from) q.from = dayStart(f.from);
  if (f.to) q.to = dayStart(f.to, 1);
  if (f.userId) q.userId = f.userId;
  if (f.patientId.trim()) q.patientId = f.patientId.trim();
  if (f.action) q.action = f.action;
  if (f.entityKind.trim()) q.entityKind = f.entityKind.trim();
  return q;
}

export function AuditSection() {
  const { worker } = useServices();
  const { locale, formatDateTime } = useI18n();
  const text = ADMIN_TEXT[locale];
  const id = useId();
  const users = useAdminLoad(useCallback(() => worker.adminListUsers(), [worker]));
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<AuditQuery>({});
  const first = useAdminLoad(useCallback(() => worker.adminAuditPage({ ...applied, limit: PAGE }), [worker, applied]));
  /** Older pages asked for after the first one of the current filters. */
  const [older, setOlder] = useState<{ events: AuditEventRow[]; next: string | null } | null>(null);
  const [notice, setNotice] = useState<Say | null>(null);
  const action = useAdminAction();

  const firstPage = first.data.state === 'ready' ? first.data.value : null;
  const events = firstPage ? [...firstPage.events, ...(older?.events ?? [])] : null;
  const next = older ? older.next : (firstPage?.next ?? null);

  async function loadOlder(before: string) {
    const page = await action.run(() => worker.adminAuditPage({ ...applied, limit: PAGE, before }));
    if (page) setOlder((shown) => ({ events: [...(shown?.events ?? []), ...page.events], next: page.next }));
  }

  function apply(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    setOlder(null);
    setApplied(toQuery(draft));
    first.reload();
  }

  async function download() {
    setNotice(null);
    const csv = await action.run(() => worker.adminAuditCsv(applied));
    if (csv === null) return;
    saveTextFile(csv, `audit-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv;charset=utf-8');
    setNotice(() => (x: typeof text) => x.csvReady);
  }

  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setDraft((f) => ({ ...f, [key]: e.target.value }));
  const people = users.data.state === 'ready' ? users.data.value : [];
  return (
    <section aria-labelledby="admin-audit-title">
      <h1 id="admin-audit-title">{text.auditTitle}</h1>
      <form className="card admin-form admin-filters" onSubmit={apply} aria-label={text.filters}>
        <label className="field" htmlFor={`${id}-from`}>
          {text.from}
          <input id={`${id}-from`} type="date" value={draft.from} onChange={set('from')} />
        </label>
        <label className="field" htmlFor={`${id}-to`}>
          {text.to}
          <input id={`${id}-to`} type="date" value={draft.to} onChange={set('to')} />
        </label>
        <label className="field" htmlFor={`${id}-user`}>
          {text.person}
          <select id={`${id}-user`} value={draft.userId} onChange={set('userId')}>
            <option value="">{text.anyone}</option>
            {people.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-action`}>
          {text.action}
          <select id={`${id}-action`} value={draft.action} onChange={set('action')}>
            <option value="">{text.anyAction}</option>
            {[...ADMIN_AUDIT_ACTIONS, ...RECORD_ACTIONS].map((a) => (
              <option key={a} value={a}>
                {actionWords(text, a)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-patient`}>
          {text.patientId}
          <input id={`${id}-patient`} autoComplete="off" value={draft.patientId} onChange={set('patientId')} />
        </label>
        <label className="field" htmlFor={`${id}-kind`}>
          {text.entityKind}
          <input id={`${id}-kind`} autoComplete="off" value={draft.entityKind} onChange={set('entityKind')} />
        </label>
        <div className="button-row admin-filters__buttons">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {text.apply}
          </button>
          <button type="button" className="button" disabled={action.busy} onClick={() => void download()}>
            {text.downloadCsv}
          </button>
        </div>
      </form>
      {notice && <p role="status" className="admin-notice">{notice(text)}</p>}
      {action.failure && <AdminProblem failure={action.failure} />}
      {first.data.state === 'failed' && <AdminProblem failure={first.data.failure} onRetry={first.reload} />}
      {events === null ? (
        first.data.state === 'loading' && <p className="muted" role="status">{text.loading}</p>
      ) : events.length === 0 ? (
        <p className="muted">{text.noEvents}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" aria-labelledby="admin-audit-title">
            <thead>
              <tr>
                <th scope="col">{text.when}</th>
                <th scope="col">{text.who}</th>
                <th scope="col">{text.what}</th>
                <th scope="col">{text.details}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(event.at)}</td>
                  <td>{event.userName ?? event.userId ?? text.system}</td>
                  <td>
                    <strong>{actionWords(text, event.action)}</strong>
                    <br />
                    <span className="admin-code">{eventTarget(text, event)}</span>
                  </td>
                  <td>
                    {eventDetails(event).map((line, i) => (
                      <div key={i} className="admin-code">
                        {line}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" className="button button--wide" disabled={action.busy} onClick={() => void loadOlder(next)}>
          {text.loadMore}
        </button>
      )}
    </section>
  );
}
