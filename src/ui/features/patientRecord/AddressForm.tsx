/**
 * Changing the patient's address (patients move). Saving a different address clears the map
 * position (domain/patient.ts `withNewAddress`): the app has no geocoder on the device, so the
 * patient shows "no location" and stays off route plans until coordinates are derived again.
 */
import { useState, type FormEvent } from 'react';
import type { Address } from '../../../domain/patient';
import { useServices } from '../../data/AppServices';
import { FormError } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

type Fields = Omit<Address, 'location'>;

export function AddressForm({ patientId, address, onDone }: { patientId: string; address: Address; onDone: () => void }) {
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [form, setForm] = useState({ ...address, line2: address.line2 ?? '' });
  const [problem, setProblem] = useState<string | null>(null);
  const field = (key: keyof Fields, label: string, autoComplete: string) => (
    <label className="field">
      {label}
      <input value={form[key] ?? ''} autoComplete={autoComplete} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Fields = {
      line1: form.line1.trim(),
      line2: form.line2.trim() === '' ? null : form.line2.trim(),
      city: form.city.trim(),
      state: form.state.trim().toUpperCase(),
      postalCode: form.postalCode.trim(),
    };
    if (!next.line1 || !next.city || !next.state || !next.postalCode) return setProblem(tx.addressRequired);
    setProblem(null);
    if (await run(() => worker.changeAddress(patientId, next))) onDone();
  }

  return (
    <form className="record-form" aria-label={tx.changeAddress} noValidate onSubmit={(e) => void submit(e)}>
      {field('line1', tx.addressLine1, 'address-line1')}
      {field('line2', tx.addressLine2, 'address-line2')}
      {field('city', tx.addressCity, 'address-level2')}
      {field('state', tx.addressState, 'address-level1')}
      {field('postalCode', tx.addressPostalCode, 'postal-code')}
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
