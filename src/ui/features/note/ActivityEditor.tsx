/**
 * The details of one activity in a draft note. Controlled: every edit goes straight to the
 * caller, which autosaves the whole draft.
 */
import type { Appointment } from '../../../domain/appointment';
import { APPOINTMENT_MODES } from '../../../domain/appointment';
import type { CareGap } from '../../../domain/careGap';
import { PORTAL_HELP_STEPS, REFERRAL_TARGETS, TEACH_BACK, type Activity } from '../../../domain/contactNote';
import { BARRIER_KINDS, RPM_DEVICE_KINDS } from '../../../domain/supportSystem';
import { useI18n } from '../../i18n/I18n';
import { fromLocalInput, toLocalInput } from '../../components/localDateTime';
import { useNoteText } from './useNoteText';

interface Props {
  readonly activity: Activity;
  readonly index: number;
  readonly onChange: (a: Activity) => void;
  readonly onRemove: () => void;
  readonly appointments: readonly Appointment[];
  readonly gaps: readonly CareGap[];
  readonly children?: React.ReactNode;
}

function Choice<T extends string>(props: { name: string; legend: string; value: T | null; options: readonly T[]; label: (o: T) => string; onChange: (v: T) => void }) {
  return (
    <fieldset className="choice">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} className="check">
          <input type="radio" name={props.name} checked={props.value === o} onChange={() => props.onChange(o)} />
          <span>{props.label(o)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function ActivityEditor({ activity: a, index, onChange, onRemove, appointments, gaps, children }: Props) {
  const tx = useNoteText();
  const { t, formatDateTime } = useI18n();
  const name = (field: string) => `activity-${index}-${field}`;
  return (
    <section className="card activity" aria-label={tx.activity[a.kind]}>
      <div className="activity__head">
        <h3>{tx.activity[a.kind]}</h3>
        <button type="button" className="button" onClick={onRemove} aria-label={`${tx.removeActivity}: ${tx.activity[a.kind]}`}>
          {tx.remove}
        </button>
      </div>
      {a.kind === 'education' && (
        <>
          <label className="field">
            <span>{tx.topic}</span>
            <input value={a.topic} onChange={(e) => onChange({ ...a, topic: e.target.value })} />
          </label>
          <label className="check">
            <input type="checkbox" checked={a.materialGiven} onChange={(e) => onChange({ ...a, materialGiven: e.target.checked })} />
            <span>{tx.materialGiven}</span>
          </label>
          <Choice name={name('teachback')} legend={tx.teachBackLabel} value={a.teachBack} options={TEACH_BACK} label={(o) => tx.teachBack[o]} onChange={(v) => onChange({ ...a, teachBack: v })} />
        </>
      )}
      {a.kind === 'portal_help' && (
        <fieldset className="choice">
          <legend>{tx.activity.portal_help}</legend>
          {PORTAL_HELP_STEPS.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={a.steps.includes(s)}
                onChange={(e) => onChange({ ...a, steps: e.target.checked ? [...a.steps, s] : a.steps.filter((x) => x !== s) })}
              />
              <span>{tx.portalSteps[s]}</span>
            </label>
          ))}
        </fieldset>
      )}
      {a.kind === 'rpm' && (
        <>
          <label className="field">
            <span>{tx.device}</span>
            <select value={a.device} onChange={(e) => onChange({ ...a, device: e.target.value as typeof a.device })}>
              {RPM_DEVICE_KINDS.map((d) => (
                <option key={d} value={d}>
                  {tx.devices[d]}
                </option>
              ))}
            </select>
          </label>
          <Choice name={name('rpm')} legend={tx.rpmAction} value={a.action} options={['setup', 'training'] as const} label={(o) => (o === 'setup' ? tx.rpmSetup : tx.rpmTraining)} onChange={(v) => onChange({ ...a, action: v })} />
        </>
      )}
      {a.kind === 'appointment' && (
        <>
          <Choice name={name('appt')} legend={tx.appointmentAction} value={a.action} options={['set', 'confirmed', 'cancelled'] as const} label={(o) => tx.appointmentActions[o]} onChange={(v) => onChange({ ...a, action: v })} />
          {a.action !== 'set' && (
            <label className="field">
              <span>{tx.existingAppointment}</span>
              <select
                value={a.appointmentId ?? ''}
                onChange={(e) => {
                  const appt = appointments.find((x) => x.id === e.target.value);
                  onChange(appt ? { ...a, appointmentId: appt.id, provider: appt.provider, reason: appt.reason, mode: appt.mode, startsAt: appt.startsAt } : { ...a, appointmentId: null });
                }}
              >
                <option value="">{tx.newAppointment}</option>
                {appointments.map((x) => (
                  <option key={x.id} value={x.id}>
                    {formatDateTime(x.startsAt)} · {x.provider}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>{tx.provider}</span>
            <input value={a.provider} onChange={(e) => onChange({ ...a, provider: e.target.value })} />
          </label>
          <label className="field">
            <span>{tx.reason}</span>
            <input value={a.reason} onChange={(e) => onChange({ ...a, reason: e.target.value })} />
          </label>
          <label className="field">
            <span>{tx.startsAt}</span>
            <input type="datetime-local" value={toLocalInput(a.startsAt)} onChange={(e) => onChange({ ...a, startsAt: fromLocalInput(e.target.value) })} />
          </label>
          <Choice name={name('mode')} legend={tx.apptMode} value={a.mode} options={APPOINTMENT_MODES} label={(o) => t.appointmentMode[o]} onChange={(v) => onChange({ ...a, mode: v })} />
        </>
      )}
      {a.kind === 'referral' && (
        <>
          <label className="field">
            <span>{tx.referralTo}</span>
            <select value={a.to} onChange={(e) => onChange({ ...a, to: e.target.value as typeof a.to })}>
              {REFERRAL_TARGETS.map((r) => (
                <option key={r} value={r}>
                  {tx.referral[r]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{tx.reason}</span>
            <input value={a.reason} onChange={(e) => onChange({ ...a, reason: e.target.value })} />
          </label>
        </>
      )}
      {a.kind === 'barrier' && (
        <>
          <Choice name={name('barrier')} legend={tx.barrierAction} value={a.action} options={['found', 'resolved'] as const} label={(o) => (o === 'found' ? tx.barrierFound : tx.barrierResolved)} onChange={(v) => onChange({ ...a, action: v })} />
          <label className="field">
            <span>{tx.barrierAction}</span>
            <select value={a.barrier} onChange={(e) => onChange({ ...a, barrier: e.target.value as typeof a.barrier })}>
              {BARRIER_KINDS.map((b) => (
                <option key={b} value={b}>
                  {tx.barrierKind[b]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{tx.detail}</span>
            <input value={a.detail} onChange={(e) => onChange({ ...a, detail: e.target.value })} />
          </label>
        </>
      )}
      {a.kind === 'goal' && (
        <label className="field">
          <span>{tx.goalText}</span>
          <input value={a.text} onChange={(e) => onChange({ ...a, text: e.target.value })} />
        </label>
      )}
      {a.kind === 'care_gap' && (
        <>
          <label className="field">
            <span>{tx.gapLabel}</span>
            <select
              value={a.gapId}
              onChange={(e) => {
                const gap = gaps.find((g) => g.id === e.target.value);
                if (gap) onChange({ ...a, gapId: gap.id, measure: gap.measure });
              }}
            >
              {gaps.map((g) => (
                <option key={g.id} value={g.id}>
                  {t.gap[g.measure]} · {t.gapStatus[g.status]}
                </option>
              ))}
            </select>
          </label>
          <Choice name={name('gap')} legend={tx.gapAction} value={a.action} options={['discussed', 'scheduled', 'closed'] as const} label={(o) => tx.gapActions[o]} onChange={(v) => onChange({ ...a, action: v })} />
        </>
      )}
      {children}
    </section>
  );
}

export { Choice };
