/**
 * Adding a contact point: channel, use, the number or address, and consent if it was asked
 * just now. Phones and text numbers are stored in E.164; anything that cannot be read as a
 * US number (or an email address without "@" and domain) is refused with the reason, and
 * nothing is written.
 */
import { useState } from 'react';
import type { ContactPointId } from '../../../domain/ids';
import {
  CONSENT_STATUSES,
  CONTACT_CHANNELS,
  CONTACT_USES,
  type ConsentStatus,
  type ContactChannel,
  type ContactPoint,
  type ContactUse,
  type Patient,
} from '../../../domain/patient';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { parseContactValue } from './contactValue';
import { AddForm } from './recordParts';
import { useRecordText } from './recordText';
import { isRefusedWrite, useWrite } from './useWrite';

export interface AddContactFormProps {
  readonly patient: Patient;
  /** Every contact on record, to refuse adding the same one twice. */
  readonly contacts: readonly ContactPoint[];
  /**
   * Consent is recorded in the signed-in person's name; once nobody is known to be signed in it
   * is not asked here. While the session is still being read it is asked: the worker decides.
   */
  readonly signedOut: boolean;
}

export function AddContactForm({ patient, contacts, signedOut }: AddContactFormProps) {
  const { t } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [use, setUse] = useState<ContactUse>('mobile');
  const [value, setValue] = useState('');
  const [consent, setConsent] = useState<ConsentStatus>('unknown');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit() {
    const parsed = parseContactValue(channel, value);
    if (!parsed.ok) return setProblem(tx.valueProblem[parsed.problem]);
    if (contacts.some((c) => !c.removed && c.channel === channel && c.value === parsed.value)) {
      return setProblem(tx.duplicateContact);
    }
    setProblem(null);
    const contact: ContactPoint = {
      id: crypto.randomUUID() as ContactPointId,
      patientId: patient.id,
      channel,
      use,
      value: parsed.value,
      consent: 'unknown',
      consentAt: null,
      consentBy: null,
      removed: false,
    };
    // Consent asked just now is the first event of the point's history (domain/consent.ts).
    // A refused consent (nobody signed in after all) is shown as failed, never as saved.
    const save = async () => {
      const saved = await worker.saveRecord('contactPoint', contact);
      if (isRefusedWrite(saved) || consent === 'unknown') return saved;
      return worker.recordConsent({ contactPointId: contact.id, decision: consent, method: 'verbal' });
    };
    if (await run(save)) {
      setValue('');
      setConsent('unknown');
    }
  }

  return (
    <AddForm title={tx.addContact} error={problem ?? (failed ? tx.saveFailed : null)} busy={busy} onSubmit={() => void submit()}>
      {(errorId) => (
        <>
          <label className="field">
            {tx.channelLabel}
            <select value={channel} onChange={(e) => setChannel(e.target.value as ContactChannel)}>
              {CONTACT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t.channel[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {tx.useLabel}
            <select value={use} onChange={(e) => setUse(e.target.value as ContactUse)}>
              {CONTACT_USES.map((u) => (
                <option key={u} value={u}>
                  {t.contactUse[u]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {tx.contactValue}
            <input
              type={channel === 'email' ? 'email' : 'tel'}
              autoComplete="off"
              value={value}
              aria-invalid={problem !== null}
              aria-describedby={errorId}
              onChange={(e) => setValue(e.target.value)}
            />
          </label>
          {!signedOut && (
            <label className="field">
              {tx.consentLabel}
              <select value={consent} onChange={(e) => setConsent(e.target.value as ConsentStatus)}>
                {CONSENT_STATUSES.map((c) => (
                  <option key={c} value={c}>
                    {t.consent[c]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
    </AddForm>
  );
}
