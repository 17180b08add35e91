/**
 * Changing a caregiver: name, relationship, phone (E.164, like adding one), and the patient's
 * permission to share their health information with this person. The permission is stamped
 * with who recorded it and when only when the answer changes (storage/commands/contactRecord.ts).
 */
import { useState, type FormEvent } from 'react';
import { RELATIONSHIPS, shareInfoOf, type Caregiver } from '../../../domain/supportSystem';
import { formatPhone } from '../../../domain/patient';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { normalizePhone } from './normalizePhone';
import { FormError } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

type ShareChoice = 'yes' | 'no' | 'unasked';

export function EditCaregiverForm({ caregiver: c, onDone }: { caregiver: Caregiver; onDone: () => void }) {
  const { t } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const share = shareInfoOf(c);
  const [name, setName] = useState(c.name);
  const [relationship, setRelationship] = useState(c.relationship);
  const [phone, setPhone] = useState(c.phone ? formatPhone(c.phone) : '');
  const [shareChoice, setShareChoice] = useState<ShareChoice>(share === null ? 'unasked' : share.granted ? 'yes' : 'no');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') return setProblem(tx.nameRequired);
    const parsed = phone.trim() === '' ? null : normalizePhone(phone);
    if (parsed && !parsed.ok) return setProblem(tx.valueProblem[parsed.problem]);
    setProblem(null);
    const input = {
      name: name.trim(),
      relationship,
      phone: parsed ? parsed.value : null,
      ...(shareChoice === 'unasked' ? {} : { shareInfo: shareChoice === 'yes' }),
    };
    if (await run(() => worker.updateCaregiver(c.id, input))) onDone();
  }

  const options = RELATIONSHIPS.includes(relationship as (typeof RELATIONSHIPS)[number]) ? RELATIONSHIPS : [...RELATIONSHIPS, relationship];
  return (
    <form className="record-form" aria-label={tx.editCaregiver(c.name)} noValidate onSubmit={(e) => void submit(e)}>
      <label className="field">
        {tx.caregiverName}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        {tx.relationshipLabel}
        <select value={relationship} onChange={(e) => setRelationship(e.target.value)}>
          {options.map((r) => (
            <option key={r} value={r}>
              {(t.relationship as Record<string, string>)[r] ?? r}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {tx.phoneOptional}
        <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </label>
      <fieldset className="record-fieldset">
        <legend>{tx.shareInfoLabel}</legend>
        {(['yes', 'no', 'unasked'] as const).map((choice) => (
          // "Not asked" cannot undo an answer on record: it only leaves the permission as it is.
          <label key={choice} className="check">
            <input
              type="radio"
              name={`share-${c.id}`}
              checked={shareChoice === choice}
              disabled={choice === 'unasked' && share !== null}
              onChange={() => setShareChoice(choice)}
            />
            {tx.shareChoice[choice]}
          </label>
        ))}
      </fieldset>
      <FormError message={problem ?? (failed ? tx.saveFailed : null)} />
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
