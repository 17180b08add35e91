/**
 * The patient's programmes: portal enrolment as three set-up steps (saved as each box is
 * ticked; the portal status follows, see portalStatus.ts) and remote-monitoring devices with
 * their stage. Adding a device makes monitoring active.
 */
import { useId } from 'react';
import type { PortalSteps, Patient } from '../../../domain/patient';
import type { RpmDevice, RpmDeviceStage } from '../../../domain/supportSystem';
import { RPM_DEVICE_STAGES } from '../../../domain/supportSystem';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { AddDeviceForm } from './AddDeviceForm';
import { portalStatusFor } from './portalStatus';
import { FormError, isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';
import { useDraft, useWrite } from './useWrite';

export interface PortalRpmEditorProps {
  readonly patient: Patient;
  readonly devices: readonly RpmDevice[];
  readonly pendingKeys?: ReadonlySet<string>;
}

const STEPS = ['emailCreated', 'accountActivated', 'firstLoginTaught'] as const satisfies readonly (keyof PortalSteps)[];

export function PortalRpmEditor({ patient, devices, pendingKeys }: PortalRpmEditorProps) {
  const { t } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const titleId = useId();
  const devicesId = useId();
  const { busy, failed, run } = useWrite();
  const [steps, setSteps] = useDraft(patient.portalSteps);

  const toggle = async (step: keyof PortalSteps, done: boolean) => {
    const next = { ...steps, [step]: done };
    setSteps(next);
    const saved = await run(() =>
      worker.updateRecord('patient', patient.id, { portalSteps: next, portal: portalStatusFor(next, patient.portal) }),
    );
    if (!saved) setSteps(null);
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="record-heading">
        <h2 id={titleId}>{tx.portalRpmTitle}</h2>
        <PendingBadge pending={isPending(pendingKeys, 'patient', patient.id)} />
      </div>
      <p>
        {t.portal}: <span className="badge">{t.portalStatus[patient.portal]}</span>
      </p>
      <fieldset className="record-fieldset">
        <legend>{tx.portalSteps}</legend>
        {STEPS.map((step) => (
          <label key={step} className="check">
            <input type="checkbox" checked={steps[step]} disabled={busy} onChange={(e) => void toggle(step, e.target.checked)} />
            {tx.portalStep[step]}
          </label>
        ))}
      </fieldset>
      <FormError message={failed ? tx.saveFailed : null} />

      <h3 id={devicesId}>{tx.devicesTitle}</h3>
      <p>
        {t.rpm}: <span className="badge">{t.rpmStatus[patient.rpm]}</span>
      </p>
      {devices.length === 0 && <p className="muted">{tx.noDevices}</p>}
      <ul className="plain-list" aria-labelledby={devicesId}>
        {devices.map((d) => (
          <DeviceRow key={d.id} device={d} pending={isPending(pendingKeys, 'rpmDevice', d.id)} />
        ))}
      </ul>
      <AddDeviceForm patient={patient} deviceCount={devices.length} />
    </section>
  );
}

function DeviceRow({ device: d, pending }: { device: RpmDevice; pending: boolean }) {
  const { formatDate } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [stage, setStage] = useDraft(d.stage);
  const change = async (next: RpmDeviceStage) => {
    setStage(next);
    if (!(await run(() => worker.updateRecord('rpmDevice', d.id, { stage: next })))) setStage(null);
  };
  return (
    <li className="record-item">
      <div className="record-item__main">
        <label className="field field--inline">
          {tx.stageOf(tx.deviceKind[d.kind])}
          <select value={stage} disabled={busy} onChange={(e) => void change(e.target.value as RpmDeviceStage)}>
            {RPM_DEVICE_STAGES.map((s) => (
              <option key={s} value={s}>
                {tx.deviceStage[s]}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{tx.since(formatDate(d.since))}</span>
        <PendingBadge pending={pending} />
      </div>
      <FormError message={failed ? tx.saveFailed : null} />
    </li>
  );
}
