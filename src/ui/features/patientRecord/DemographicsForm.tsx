/**
 * The editable demographics: preferred language, interpreter, best time to call, access notes
 * and facility room. Saves them onto the patient in one write; "Cancel" drops the changes.
 * Nothing is required; text is trimmed and an emptied field is stored as "not recorded" (null).
 * The language is a BCP 47 code: a stored one with a repairable spelling (`en_US`) is offered
 * as its canonical form, one that is not a code at all is left unchanged until a language is
 * chosen. Text fields stop at the limits the server enforces (src/protocol/safeText.ts).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { normaliseLanguageTag } from '../../../domain/languageTag';
import type { Patient } from '../../../domain/patient';
import { TEXT_MAX } from '../../../protocol/safeText';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { FormError } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

/** Languages the programmes serve most; a patient's other language stays selectable. */
const COMMON_LANGUAGES = ['en', 'es', 'pt', 'ht', 'vi', 'zh'] as const;

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export interface DemographicsFormProps {
  readonly patient: Patient;
  readonly showRoom: boolean;
  readonly onDone: () => void;
}

export function DemographicsForm({ patient, showRoom, onDone }: DemographicsFormProps) {
  const { t, languageName } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  // '' while a stored value that is not a language code stays as it is.
  const stored = normaliseLanguageTag(patient.language);
  const [language, setLanguage] = useState(stored ?? '');
  const [interpreter, setInterpreter] = useState(patient.interpreterNeeded);
  const [bestTime, setBestTime] = useState(patient.bestTimeToCall ?? '');
  const [notes, setNotes] = useState(patient.accessNotes ?? '');
  const [room, setRoom] = useState(patient.room ?? '');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const languages: readonly string[] =
    stored === null || COMMON_LANGUAGES.includes(stored as never) ? COMMON_LANGUAGES : [...COMMON_LANGUAGES, stored];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const changes = {
      ...(language === '' ? {} : { language }),
      interpreterNeeded: interpreter,
      bestTimeToCall: orNull(bestTime),
      accessNotes: orNull(notes),
      room: showRoom ? orNull(room) : patient.room,
    };
    if (await run(() => worker.updateRecord('patient', patient.id, { ...changes }))) onDone();
  }

  return (
    <form className="record-form" aria-label={t.demographics} noValidate onSubmit={(e) => void submit(e)}>
      <label className="field">
        {t.preferredLanguage}
        <select ref={first} value={language} onChange={(e) => setLanguage(e.target.value)}>
          {stored === null && (
            <option value="" disabled>
              {tx.languageNotACode(patient.language)}
            </option>
          )}
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={interpreter} onChange={(e) => setInterpreter(e.target.checked)} />
        {t.interpreterNeeded}
      </label>
      <label className="field">
        {tx.bestTimeToCall}
        <input value={bestTime} maxLength={TEXT_MAX.line} onChange={(e) => setBestTime(e.target.value)} />
      </label>
      <label className="field">
        {t.accessNotes}
        <textarea rows={3} value={notes} maxLength={TEXT_MAX.paragraph} onChange={(e) => setNotes(e.target.value)} />
      </label>
      {showRoom && (
        <label className="field">
          {t.room}
          <input value={room} maxLength={TEXT_MAX.short} onChange={(e) => setRoom(e.target.value)} />
        </label>
      )}
      <FormError message={failed ? tx.saveFailed : null} />
      <div className="record-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? tx.saving : tx.save}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {tx.cancel}
        </button>
      </div>
    </form>
  );
}
