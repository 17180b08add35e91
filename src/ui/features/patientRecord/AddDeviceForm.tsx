/**
 * Adding a monitoring device: its kind; it starts at "set up" today. The patient's
 * monitoring status becomes active with the first device (a second write, made only after
 * the device is safely stored, so a failure can never show monitoring without a device).
 */
import { useState } from 'react';
import type { RpmDeviceId } from '../../../domain/ids';
import type { Patient } from '../../../domain/patient';
import { RPM_DEVICE_KINDS, type RpmDevice, type RpmDeviceKind } from '../../../domain/supportSystem';
import { useServices } from '../../data/AppServices';
import { todayLocal } from './clock';
import { rpmStatusFor } from './portalStatus';
import { AddForm } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

export function AddDeviceForm({ patient, deviceCount }: { patient: Patient; deviceCount: number }) {
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [kind, setKind] = useState<RpmDeviceKind>(RPM_DEVICE_KINDS[0]);

  function submit() {
    const device: RpmDevice = {
      id: crypto.randomUUID() as RpmDeviceId,
      patientId: patient.id,
      kind,
      stage: 'set_up',
      since: todayLocal(),
    };
    const rpm = rpmStatusFor(deviceCount + 1, patient.rpm);
    void run(async () => {
      await worker.saveRecord('rpmDevice', device);
      if (rpm !== patient.rpm) await worker.updateRecord('patient', patient.id, { rpm });
    });
  }

  return (
    <AddForm title={tx.addDevice} error={failed ? tx.saveFailed : null} busy={busy} onSubmit={submit}>
      {() => (
        <label className="field">
          {tx.deviceKindLabel}
          <select value={kind} onChange={(e) => setKind(e.target.value as RpmDeviceKind)}>
            {RPM_DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {tx.deviceKind[k]}
              </option>
            ))}
          </select>
        </label>
      )}
    </AddForm>
  );
}
