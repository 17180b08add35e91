/**
 * The patient's support system: caregivers and family with relationship, phone, who is
 * primary, and whether the patient allows sharing health information with them (who recorded
 * it, when); each can be edited; removing one keeps it on record (removed: true). Each
 * caregiver is its own record, so two people adding one at the same time both keep theirs.
 */
import { useId, useState } from 'react';
import { formatPhone } from '../../../domain/patient';
import { shareInfoOf, type Caregiver } from '../../../domain/supportSystem';
import type { PatientId } from '../../../domain/ids';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { useConfirm } from '../../components/useConfirm';
import { AddCaregiverForm } from './AddCaregiverForm';
import { EditCaregiverForm } from './EditCaregiverForm';
import { FormError, isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

export interface CaregiversEditorProps {
  readonly patientId: PatientId;
  readonly caregivers: readonly Caregiver[];
  readonly pendingKeys?: ReadonlySet<string>;
}

export function CaregiversEditor({ patientId, caregivers, pendingKeys }: CaregiversEditorProps) {
  const { t } = useI18n();
  const titleId = useId();
  const shown = caregivers.filter((c) => !c.removed);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.caregiversTitle}</h2>
      {shown.length === 0 && <p className="muted">{t.noCaregivers}</p>}
      <ul className="plain-list">
        {shown.map((c) => (
          <CaregiverRow key={c.id} caregiver={c} pending={isPending(pendingKeys, 'caregiver', c.id)} />
        ))}
      </ul>
      <AddCaregiverForm patientId={patientId} />
    </section>
  );
}

function CaregiverRow({ caregiver: c, pending }: { caregiver: Caregiver; pending: boolean }) {
  const { t, formatDateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const share = shareInfoOf(c);
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [confirm, confirmDialog] = useConfirm();
  const remove = async () => {
    const asked = { title: tx.confirmTitle.removeCaregiver, message: tx.removeCaregiverConfirm(c.name), confirmLabel: tx.remove, danger: true };
    if (await confirm(asked)) void run(() => worker.updateRecord('caregiver', c.id, { removed: true }));
  };
  return (
    <li className="record-item">
      <div className="record-item__main">
        <span>
          <strong>{c.name}</strong> · {t.relationship[c.relationship] ?? c.relationship}
        </span>
        {c.primary && <span className="badge">{t.primaryCaregiver}</span>}
        <PendingBadge pending={pending} />
      </div>
      <p className={share?.granted ? 'muted' : 'record-warning'}>
        {share === null
          ? tx.shareUnknown
          : (share.granted ? tx.shareGranted : tx.shareDenied)(formatDateTime(share.at), share.byName)}
      </p>
      <div className="record-actions">
        {c.phone && (
          <a className="button" href={`tel:${c.phone}`} aria-label={`${t.call(c.name)}, ${formatPhone(c.phone)}`}>
            {formatPhone(c.phone)}
          </a>
        )}
        <button type="button" className="button" aria-expanded={editing} aria-label={tx.editCaregiver(c.name)} onClick={() => setEditing(!editing)}>
          {tx.edit}
        </button>
        <button type="button" className="button" disabled={busy} aria-label={`${tx.remove}: ${c.name}`} onClick={() => void remove()}>
          {tx.remove}
        </button>
      </div>
      {editing && <EditCaregiverForm caregiver={c} onDone={() => setEditing(false)} />}
      <FormError message={failed ? tx.saveFailed : null} />
      {confirmDialog}
    </li>
  );
}
