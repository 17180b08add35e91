/**
 * "Next contact due" on a draft: prefilled from the outcome and the patient's programme
 * (domain/nextContact.ts) and editable; empty means no next contact. Signing writes it onto
 * the patient, where the roster and Today read due and overdue.
 */
import { localIsoDate } from '../../../domain/calendar';
import type { ContactNote, Outcome } from '../../../domain/contactNote';
import type { IsoDate } from '../../../domain/ids';
import { defaultNextContact } from '../../../domain/nextContact';
import type { Patient } from '../../../domain/patient';
import { useNoteText } from './useNoteText';

type ProgrammeFacts = Pick<Patient, 'facilityId' | 'rpm'> | null;

const NO_PROGRAMME = { facilityId: null, rpm: 'none' } as const;

/** The default for `outcome`: from the contact's day, but never before today (a late note's retry is today). */
function defaultFor(outcome: Outcome | null, contactAt: string, patient: ProgrammeFacts, today: IsoDate): IsoDate | null {
  const due = defaultNextContact(outcome, patient ?? NO_PROGRAMME, localIsoDate(new Date(contactAt)));
  return due !== null && due < today ? today : due;
}

/**
 * The draft after choosing `outcome`: the next contact follows the new outcome's default
 * unless the person had set a date of their own (one that is not the old outcome's default).
 */
export function nextContactAfter(note: ContactNote, outcome: Outcome, patient: ProgrammeFacts, today: IsoDate): ContactNote {
  const untouched = note.nextContactDue === undefined || note.nextContactDue === defaultFor(note.outcome, note.contactAt, patient, today);
  return untouched ? { ...note, outcome, nextContactDue: defaultFor(outcome, note.contactAt, patient, today) } : { ...note, outcome };
}

export function NextContactField({ note, invalid, onChange }: { note: ContactNote; invalid: boolean; onChange: (d: IsoDate | null) => void }) {
  const tx = useNoteText();
  const hintId = `${note.id}-next-contact-hint`;
  return (
    <div className="field field--inline">
      <label htmlFor={`${note.id}-next-contact`}>{tx.nextContactDue}</label>
      <input
        id={`${note.id}-next-contact`}
        type="date"
        value={note.nextContactDue ?? ''}
        aria-describedby={hintId}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value ? (e.target.value as IsoDate) : null)}
      />
      <p id={hintId} className="muted field__hint">
        {tx.nextContactHint}
      </p>
    </div>
  );
}
