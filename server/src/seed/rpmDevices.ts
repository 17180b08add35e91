/**
 * Remote monitoring devices, consistent with the patient's RPM status and conditions: a blood
 * pressure cuff for hypertension, a glucometer for diabetes, a scale or pulse oximeter for the
 * few monitored for something else (heart failure, COPD). Active patients have one or two
 * devices, mostly already transmitting; some patients offered RPM have a device just set up.
 */
import type { IsoDate, RpmDeviceId } from '../../../src/domain/ids';
import type { RpmDevice, RpmDeviceKind, RpmDeviceStage } from '../../../src/domain/supportSystem';
import type { Day, DatedStream } from './calendar';
import { formatIsoDate } from './calendar';
import type { PatientDraft } from './patients';
import { patientKey } from './patients';
import type { Rng } from './random';

function kindsFor(d: PatientDraft, rng: Rng): RpmDeviceKind[] {
  const byCondition: RpmDeviceKind[] = [...(d.hypertensive ? ['bp_cuff' as const] : []), ...(d.diabetic ? ['glucometer' as const] : [])];
  if (byCondition.length === 0) return [rng.pick(['scale', 'pulse_oximeter'] as const)];
  if (byCondition.length === 2) return rng.chance(0.6) ? byCondition : [rng.pick(byCondition)];
  // Heart failure often comes with hypertension: a daily weight alongside the cuff.
  return d.hypertensive && rng.chance(0.15) ? [...byCondition, 'scale'] : byCondition;
}

/** How long ago a device reached its stage: readings have flowed for a while; set-up is recent. */
function since(stage: RpmDeviceStage, today: Day, rng: Rng): IsoDate {
  const ago = stage === 'transmitting' ? rng.int(14, 400) : stage === 'taught' ? rng.int(3, 20) : rng.int(1, 10);
  return formatIsoDate(today - ago);
}

export function buildRpmDevices(ctx: DatedStream, d: PatientDraft): RpmDevice[] {
  const { rng, today } = ctx;
  const key = patientKey(d.index);
  const device = (kind: RpmDeviceKind, stage: RpmDeviceStage, i: number): RpmDevice => ({
    id: `rpm_${key}_${i + 1}` as RpmDeviceId,
    patientId: d.patient.id,
    kind,
    stage,
    since: since(stage, today, rng),
  });
  if (d.patient.rpm === 'active') {
    return kindsFor(d, rng).map((kind, i) =>
      device(kind, rng.weighted<RpmDeviceStage>([['transmitting', 0.85], ['taught', 0.1], ['set_up', 0.05]]), i),
    );
  }
  if (d.patient.rpm === 'offered' && rng.chance(0.35)) {
    const [kind] = kindsFor(d, rng);
    return kind ? [device(kind, 'set_up', 0)] : [];
  }
  return [];
}
