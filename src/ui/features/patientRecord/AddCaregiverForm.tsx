/**
 * Adding a caregiver: name (required), relationship, phone (optional, stored in E.164 after
 * the same checks as a patient's number) and whether they are the primary caregiver.
 * Invalid input is refused with the reason and nothing is written.
 */
import { useState } from 'react';
import type { CaregiverId, PatientId } from '../../../domain/ids';
import { RELATIONSHIPS, type Caregiver, type Relationship } from '../../../domain/supportSystem';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { normalizePhone } from './normalizePhone';
import { AddForm } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

type Problem = { field: 'name' | 'phone'; message: string };

export function AddCaregiverForm({ patientId }: { patientId: PatientId }) {
  const { t } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState<Relationship>(RELATIONSHIPS[0]);
  const [phone, setPhone] = useState('');
  const [primary, setPrimary] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit() {
    if (name.trim() === '') return setProblem({ field: 'name', message: tx.nameRequired });
    const parsed = phone.trim() === '' ? null : normalizePhone(phone);
    if (parsed && !parsed.ok) return setProblem({ field: 'phone', message: tx.valueProblem[parsed.problem] });
    setProblem(null);
    const caregiver: Caregiver = {
      id: crypto.randomUUID() as CaregiverId,
      patientId,
      name: name.trim(),
      relationship,
      phone: parsed ? parsed.value : null,
      primary,
      removed: false,
      shareInfo: null,
    };
    if (await run(() => worker.saveRecord('caregiver', caregiver))) {
      setName('');
      setPhone('');
      setPrimary(false);
    }
  }

  return (
    <AddForm
      title={tx.addCaregiver}
      error={problem?.message ?? (failed ? tx.saveFailed : null)}
      busy={busy}
      onSubmit={() => void submit()}
    >
      {(errorId) => (
        <>
          <label className="field">
            {tx.caregiverName}
            <input
              value={name}
              autoComplete="off"
              aria-invalid={problem?.field === 'name'}
              aria-describedby={problem?.field === 'name' ? errorId : undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label className="field">
            {tx.relationshipLabel}
            <select value={relationship} onChange={(e) => setRelationship(e.target.value as Relationship)}>
              {RELATIONSHIPS.map((r) => (
                <option key={r} value={r}>
                  {t.relationship[r] ?? r}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {tx.phoneOptional}
            <input
              type="tel"
              value={phone}
              autoComplete="off"
              aria-invalid={problem?.field === 'phone'}
              aria-describedby={problem?.field === 'phone' ? errorId : undefined}
              onChange={(e) => setPhone(e.target.value)}
            />
          </label>
          <label className="check">
            <input type="checkbox" checked={primary} onChange={(e) => setPrimary(e.target.checked)} />
            {tx.primaryCaregiver}
          </label>
        </>
      )}
    </AddForm>
  );
}
