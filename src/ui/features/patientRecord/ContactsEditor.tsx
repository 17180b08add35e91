/**
 * The patient's contact points: how to reach them, consent per contact point as a history of
 * decisions (who recorded each, when, how), the Call / Text / Email action only where consent
 * allows it (a refusal is named instead), changing a number (consent starts over), retiring
 * one, and adding one. A retired contact stays on record (removed: true) and is not listed.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  consentHistory,
  currentConsent,
  mayContact,
  CONSENT_METHODS,
  type ConsentDecision,
  type ConsentEvent,
  type ConsentMethod,
} from '../../../domain/consent';
import { formatPhone, fullName, type ContactPoint, type Patient } from '../../../domain/patient';
import { useServices } from '../../data/AppServices';
import { useSession } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { useConfirm } from '../../components/useConfirm';
import { AddContactForm } from './AddContactForm';
import { ContactAction } from './ContactAction';
import { parseContactValue } from './contactValue';
import { FormError, isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

export interface ContactsEditorProps {
  readonly patient: Patient;
  readonly contacts: readonly ContactPoint[];
  /** Every consent event of the patient (older devices' records may have none). */
  readonly consentEvents?: readonly ConsentEvent[];
  readonly pendingKeys?: ReadonlySet<string>;
}

export function ContactsEditor({ patient, contacts, consentEvents = [], pendingKeys }: ContactsEditorProps) {
  const { t } = useI18n();
  const titleId = useId();
  // Consent is recorded by the worker in the name of whoever is signed in on this device, and
  // refused there when nobody is. Only a known sign-out disables the consent buttons: the
  // session's read can arrive after the rows, and a tap on a button disabled only for that
  // moment would record nothing, with nothing on screen to say so.
  const signedOut = useSession() === null;
  const shown = contacts.filter((c) => !c.removed);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.contactsTitle}</h2>
      {shown.length === 0 && <p className="muted">{t.noContacts}</p>}
      <ul className="plain-list">
        {shown.map((c) => (
          <ContactRow
            key={c.id}
            contact={c}
            patient={patient}
            events={consentEvents}
            signedOut={signedOut}
            pending={isPending(pendingKeys, 'contactPoint', c.id)}
          />
        ))}
      </ul>
      <AddContactForm patient={patient} contacts={contacts} signedOut={signedOut} />
    </section>
  );
}

interface ContactRowProps {
  readonly contact: ContactPoint;
  readonly patient: Patient;
  readonly events: readonly ConsentEvent[];
  readonly signedOut: boolean;
  readonly pending: boolean;
}

function ContactRow({ contact: c, patient, events, signedOut, pending }: ContactRowProps) {
  const { t, formatDateTime } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const shown = c.channel === 'email' ? c.value : formatPhone(c.value);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const [method, setMethod] = useState<ConsentMethod>('verbal');
  const consent = currentConsent(c, events);
  const history = consentHistory(c.id, events);
  const recorded = consent.status === 'unknown' || !consent.byName ? null : consentRecordedText(consent.at, consent.byName);
  function consentRecordedText(at: string | null, by: string): string {
    return at ? tx.consentRecorded(formatDateTime(at), by) : by;
  }

  const saveValue = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseContactValue(c.channel, draft);
    if (!parsed.ok) return setProblem(tx.valueProblem[parsed.problem]);
    setProblem(null);
    if (await run(() => worker.changeContactValue(c.id, parsed.value))) setEditing(false);
  };

  const recordConsent = (decision: ConsentDecision) => {
    void run(() => worker.recordConsent({ contactPointId: c.id, decision, method }));
  };
  const remove = async () => {
    const asked = { title: tx.confirmTitle.removeContact, message: tx.removeContactConfirm(shown), confirmLabel: tx.remove, danger: true };
    if (await confirm(asked)) void run(() => worker.updateRecord('contactPoint', c.id, { removed: true }));
  };

  return (
    <li className="record-item">
      <div className="record-item__main">
        <span>
          <strong>{t.channel[c.channel]}</strong> ({t.contactUse[c.use]}): {shown}
        </span>
        <span className={`badge badge--consent-${consent.status}`}>{t.consent[consent.status]}</span>
        {recorded && consent.status === 'granted' && <span className="muted">{recorded}</span>}
        <PendingBadge pending={pending} />
      </div>
      {consent.status === 'declined' && (
        <p className="record-warning" role="note">
          {tx.declinedWarning(tx.refusedChannel[c.channel], recorded)}
        </p>
      )}
      <div className="record-actions">
        {mayContact(c.channel, consent) ? (
          <ContactAction channel={c.channel} value={c.value} shown={shown} name={fullName(patient)} />
        ) : (
          consent.status === 'unknown' && <span className="muted">{tx.noConsentForText}</span>
        )}
        <div role="group" className="record-actions" aria-label={`${tx.consentLabel}: ${shown}`}>
          <label className="field field--inline">
            {tx.consentMethodLabel}
            <select value={method} onChange={(e) => setMethod(e.target.value as ConsentMethod)}>
              {CONSENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {tx.consentMethod[m]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" disabled={busy || signedOut} onClick={() => recordConsent('granted')}>
            {tx.grant}
          </button>
          {consent.status === 'granted' ? (
            <button type="button" className="button" disabled={busy || signedOut} onClick={() => recordConsent('revoked')}>
              {tx.revoke}
            </button>
          ) : (
            <button type="button" className="button" disabled={busy || signedOut} onClick={() => recordConsent('declined')}>
              {tx.decline}
            </button>
          )}
        </div>
        <button
          type="button"
          className="button"
          aria-expanded={editing}
          aria-label={tx.changeValue(`${t.channel[c.channel]} ${shown}`)}
          onClick={() => {
            setDraft(shown);
            setEditing(!editing);
          }}
        >
          {tx.change}
        </button>
        <button type="button" className="button" disabled={busy} aria-label={`${tx.remove}: ${shown}`} onClick={() => void remove()}>
          {tx.remove}
        </button>
      </div>
      {editing && (
        <form className="row" onSubmit={(e) => void saveValue(e)}>
          <label className="field">
            <span>{tx.newValue}</span>
            <input value={draft} onChange={(e) => setDraft(e.target.value)} inputMode={c.channel === 'email' ? 'email' : 'tel'} />
          </label>
          <button type="submit" className="button button--primary" disabled={busy}>
            {tx.save}
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {tx.cancel}
          </button>
          <p className="muted">{tx.newValueStartsOver}</p>
          <FormError message={problem} />
        </form>
      )}
      {history.length > 0 && (
        <details className="consent-history">
          <summary className="button">{tx.consentHistory(history.length)}</summary>
          <ul className="plain-list">
            {history.map((e) => {
              const line = tx.consentEventLine(tx.consentDecision[e.decision], tx.consentMethod[e.method], formatDateTime(e.at), e.byName);
              const old = e.value !== c.value ? (e.channel === 'email' ? e.value : formatPhone(e.value)) : null;
              return <li key={e.id}>{old ? tx.consentEventForOld(line, old) : line}</li>;
            })}
          </ul>
        </details>
      )}
      <FormError message={failed ? tx.saveFailed : null} />
      {confirmDialog}
    </li>
  );
}
