/**
 * Dates and numbers within reason on push (protocol/withinReason.ts): a note being signed, a
 * new appointment, a new task. Judged at the change's own clock stamp (after the S19 clamp),
 * so the verdict depends only on the change and the stored patient, never on when the push
 * happens to arrive; see the invariant in protocol/withinReason.ts.
 */
import { decodeHlc, type Hlc } from '../../../src/domain/hlc';
import type { IsoDate, IsoDateTime } from '../../../src/domain/ids';
import { newAppointmentRules, newTaskRules, signedNoteRules, type ReasonContext } from '../../../src/protocol/withinReason';
import type { Db } from '../db/db';

export type ReasonVerdict = { readonly ok: true } | { readonly ok: false; readonly message: string };

const OK: ReasonVerdict = { ok: true };

type Judged = 'signed_note' | 'new_appointment' | 'new_task';

/** What, if anything, a change asks to be judged as. */
export function judgedAs(kind: string, op: 'create' | 'update', stored: Readonly<Record<string, unknown>> | null, data: Readonly<Record<string, unknown>>): Judged | null {
  if (kind === 'note') return data.status === 'signed' && (op === 'create' || stored?.status === 'draft') ? 'signed_note' : null;
  if (op !== 'create') return null;
  return kind === 'appointment' ? 'new_appointment' : kind === 'task' ? 'new_task' : null;
}

export async function checkWithinReason(
  tx: Db,
  input: { readonly judged: Judged; readonly hlc: string; readonly patientId: string; readonly data: Readonly<Record<string, unknown>> },
): Promise<ReasonVerdict> {
  const changeAt = new Date(decodeHlc(input.hlc as Hlc).wallMs).toISOString() as IsoDateTime;
  const ctx: ReasonContext = { changeAt, birthDate: input.judged === 'signed_note' ? await birthDateOf(tx, input.patientId) : null };
  const rules = input.judged === 'signed_note' ? signedNoteRules(ctx) : input.judged === 'new_appointment' ? newAppointmentRules(ctx) : newTaskRules(ctx);
  const parsed = rules.safeParse(input.data);
  if (parsed.success) return OK;
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ') };
}

async function birthDateOf(tx: Db, patientId: string): Promise<IsoDate | null> {
  const rows = await tx.query<{ birthDate: string | null }>(`select data->>'birthDate' as "birthDate" from patients where id = $1`, [patientId]);
  return (rows[0]?.birthDate as IsoDate | undefined) ?? null;
}
