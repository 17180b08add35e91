/**
 * The patient's contact points: how to reach them, consent per channel (who recorded it and
 * when), a Call link for phones, retiring a number, and adding a new one. A retired contact
 * stays on record (removed: true) and is no longer listed here.
 */
import { useId, useState, type FormEvent } from 'react';
import { formatPhone, fullName, type ConsentStatus, type ContactPoint, type Patient } from '../../../domain/patient';
import { useServices } from '../../data/AppServices';
import { useSession } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { useConfirm } from '../../components/useConfirm';
import { AddContactForm } from './AddContactForm';
import { parseContactValue } from './contactValue';
import { nowIso } from './clock';
import { FormError, isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

export interface ContactsEditorProps {
  readonly patient: Patient;
  readonly contacts: readonly ContactPoint[];
  readonly pendingKeys?: ReadonlySet<string>;
}

export function ContactsEditor({ patient, contacts, pendingKeys }: ContactsEditorProps) {
  const { t } = useI18n();
  const titleId = useId();
  // Consent is recorded in the name of whoever is signed in on this device.
  const userName = useSession()?.user.name ?? null;
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
            userName={userName}
            pending={isPending(pendingKeys, 'contactPoint', c.id)}
          />
        ))}
      </ul>
      <AddContactForm patient={patient} contacts={contacts} userName={userName} />
    </section>
  );
}

interface ContactRowProps {
  readonly contact: ContactPoint;
  readonly patient: Patient;
  readonly userName: string | null;
  readonly pending: boolean;
}

function ContactRow({ contact: c, patient, userName, pending }: ContactRowProps) {
  const { t, formatDateTime } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const shown = c.channel === 'email' ? c.value : formatPhone(c.value);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();

  const saveValue = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseContactValue(c.channel, draft);
    if (!parsed.ok) return setProblem(tx.valueProblem[parsed.problem]);
    setProblem(null);
    if (await run(() => worker.updateRecord('contactPoint', c.id, { value: parsed.value }))) setEditing(false);
  };

  const recordConsent = (consent: ConsentStatus) => {
    if (!userName) return;
    void run(() => worker.updateRecord('contactPoint', c.id, { consent, consentAt: nowIso(), consentBy: userName }));
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
        <span className={`badge badge--consent-${c.consent}`}>{t.consent[c.consent]}</span>
        {c.consentAt && c.consentBy && (
          <span className="muted">{tx.consentRecorded(formatDateTime(c.consentAt), c.consentBy)}</span>
        )}
        <PendingBadge pending={pending} />
      </div>
      <div className="record-actions">
        {c.channel === 'phone' && (
          <a className="button" href={`tel:${c.value}`} aria-label={`${t.call(fullName(patient))}, ${shown}`}>
            {t.callShort}
          </a>
        )}
        <div role="group" className="record-actions" aria-label={`${tx.consentLabel}: ${shown}`}>
          <button type="button" className="button" disabled={busy || !userName} onClick={() => recordConsent('granted')}>
            {tx.grant}
          </button>
          <button type="button" className="button" disabled={busy || !userName} onClick={() => recordConsent('declined')}>
            {tx.decline}
          </button>
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
          <FormError message={problem} />
        </form>
      )}
      <FormError message={failed ? tx.saveFailed : null} />
      {confirmDialog}
    </li>
  );
}
