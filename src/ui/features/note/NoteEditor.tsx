/**
 * Writing a contact note. The draft is saved on every change (a killed tab loses at most the
 * keystroke in flight); saves are chained so they reach storage in the order typed. Signing
 * checks completeness, then freezes the note.
 */
import { useRef, useState } from 'react';
import {
  ACTIVITY_KINDS,
  CONTACT_MODES,
  ESCALATION_SEVERITIES,
  OUTCOMES,
  problemsBeforeSigning,
  problemsWithinReason,
  type Activity,
  type ContactNote,
  type NoteProblem,
} from '../../../domain/contactNote';
import type { IsoDate, IsoDateTime, TaskId } from '../../../domain/ids';
import type { Patient } from '../../../domain/patient';
import type { PatientRecords } from '../../../storage/readRecords';
import { useServices } from '../../data/AppServices';
import { useSession } from '../../data/hooks';
import { ActivityEditor, Choice } from './ActivityEditor';
import { DiscardDraft } from './DiscardDraft';
import { newActivity } from './newActivity';
import { QuestionnaireActivity } from './QuestionnaireActivity';
import { localIsoDate } from '../../../domain/calendar';
import { DURATION_MINUTES } from '../../../domain/withinReason';
import { fromLocalInput, toLocalInput } from '../../components/localDateTime';
import { useNoteText } from './useNoteText';
import { NextContactField, nextContactAfter } from './NextContactField';
import { useConfirm } from '../../components/useConfirm';

interface Props {
  readonly initial: ContactNote;
  readonly records: PatientRecords;
  readonly careTeamPhone: string | null;
  /** For the next contact's default (programme) and the contact time's lower bound (birth). */
  readonly patient?: Pick<Patient, 'birthDate' | 'facilityId' | 'rpm'> | null;
}

export function NoteEditor({ initial, records, careTeamPhone, patient = null }: Props) {
  const tx = useNoteText();
  const { worker } = useServices();
  const session = useSession();
  const [note, setNote] = useState(initial);
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'failed'>('saved');
  const [problems, setProblems] = useState<readonly NoteProblem[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [confirm, confirmDialog] = useConfirm();
  /** Saves asked for and not yet finished: "saved" shows only when the last one is stored. */
  const unsaved = useRef(0);

  function change(next: ContactNote) {
    setNote(next);
    unsaved.current += 1;
    setSaveState('saving');
    // Each save waits for the one before, and a failed save never stops later ones: the
    // latest draft is always the one stored last.
    queue.current = queue.current.then(async () => {
      let ok: boolean;
      try {
        ok = (await worker.saveDraft(next)).ok;
      } catch {
        ok = false;
      }
      unsaved.current -= 1;
      if (!ok) setSaveState('failed');
      // A draft save stores the whole note, so the last one succeeding means all is stored.
      else if (unsaved.current === 0) setSaveState('saved');
    });
  }
  const set = <K extends keyof ContactNote>(key: K, value: ContactNote[K]) => change({ ...note, [key]: value });
  const setActivity = (i: number, a: Activity) => set('activities', note.activities.map((x, j) => (j === i ? a : x)));

  async function sign() {
    // Everything the device can tell before asking to confirm: the person fixes it first.
    const now = new Date();
    const found = [
      ...problemsBeforeSigning(note),
      ...problemsWithinReason(note, { now: now.toISOString() as IsoDateTime, today: localIsoDate(now), birthDate: patient?.birthDate ?? null }),
    ];
    setProblems(found);
    if (found.length > 0) return;
    if (!(await confirm({ title: tx.signTitle, message: tx.signConfirm, confirmLabel: tx.sign }))) return;
    await queue.current;
    const res = await worker.signNote(note.id);
    if (!res.ok) setProblems(res.code === 'incomplete' ? res.problems : []);
  }

  const outstandingGaps = records.careGap;
  const today = localIsoDate(new Date());

  return (
    <form className="note-editor" onSubmit={(e) => e.preventDefault()} aria-label={tx.newNote}>
      <p className={saveState === 'failed' ? 'error' : 'muted'} aria-live="polite" data-testid="draft-state">
        {saveState === 'saving' ? tx.saving : saveState === 'failed' ? tx.saveFailed : tx.saved}
      </p>
      <Choice name="mode" legend={tx.contactType} value={note.mode} options={CONTACT_MODES} label={(m) => tx.mode[m]} onChange={(v) => set('mode', v)} />
      <div className="row">
        <label className="field">
          <span>{tx.when}</span>
          <input type="datetime-local" value={toLocalInput(note.contactAt)} aria-invalid={problems.some((p) => p.startsWith('contact_'))} onChange={(e) => {
            const iso = fromLocalInput(e.target.value);
            if (iso) set('contactAt', iso);
          }} />
        </label>
        <label className="field">
          <span>{tx.duration}</span>
          {/* Not clamped: a mistyped 0 or 6000 is named before signing instead of silently changed. */}
          <input
            type="number"
            inputMode="numeric"
            min={DURATION_MINUTES.min}
            max={DURATION_MINUTES.max}
            value={note.durationMinutes ?? ''}
            aria-invalid={problems.includes('duration_out_of_range')}
            onChange={(e) => set('durationMinutes', e.target.value === '' ? null : Math.round(Number(e.target.value)))}
          />
        </label>
      </div>
      <Choice name="outcome" legend={tx.outcomeLabel} value={note.outcome} options={OUTCOMES} label={(o) => tx.outcome[o]} onChange={(v) => change(nextContactAfter(note, v, patient, today))} />
      <NextContactField note={note} invalid={problems.some((p) => p.startsWith('next_contact_'))} onChange={(d) => set('nextContactDue', d)} />

      <h2>{tx.activities}</h2>
      {note.activities.map((a, i) => (
        <ActivityEditor
          key={i}
          index={i}
          activity={a}
          appointments={records.appointment}
          gaps={outstandingGaps}
          onChange={(next) => setActivity(i, next)}
          onRemove={() => set('activities', note.activities.filter((_, j) => j !== i))}
        >
          {a.kind === 'questionnaire' && (
            <QuestionnaireActivity activity={a} patientId={note.patientId} noteId={note.id} responses={records.questionnaireResponse} onChange={(next) => setActivity(i, next)} />
          )}
        </ActivityEditor>
      ))}
      <fieldset className="add-activity">
        <legend>{tx.addActivity}</legend>
        {ACTIVITY_KINDS.map((k) => {
          const fresh = newActivity(k, outstandingGaps);
          return (
            <button key={k} type="button" className="button" disabled={!fresh} onClick={() => fresh && set('activities', [...note.activities, fresh])}>
              + {tx.activity[k]}
            </button>
          );
        })}
      </fieldset>

      {/* A label wrapping a textarea would name it with its own text too: link by id instead. */}
      <div className="field">
        <label htmlFor={`${note.id}-text`}>{tx.freeText}</label>
        <textarea id={`${note.id}-text`} rows={5} value={note.text} onChange={(e) => set('text', e.target.value)} />
      </div>

      <h2>{tx.followUps}</h2>
      {note.followUps.map((f, i) => (
        <div key={f.id} className="card row">
          <label className="field">
            <span>{tx.followUpTitle}</span>
            <input value={f.title} onChange={(e) => set('followUps', note.followUps.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
          </label>
          <label className="field">
            <span>{tx.dueDate}</span>
            <input type="date" value={f.dueDate} required onChange={(e) => e.target.value && set('followUps', note.followUps.map((x, j) => (j === i ? { ...x, dueDate: e.target.value as IsoDate } : x)))} />
          </label>
          <label className="field">
            <span>{tx.owner}</span>
            <input value={f.ownerName} onChange={(e) => set('followUps', note.followUps.map((x, j) => (j === i ? { ...x, ownerName: e.target.value } : x)))} />
          </label>
          <button type="button" className="button" onClick={() => set('followUps', note.followUps.filter((_, j) => j !== i))}>
            {tx.remove}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => set('followUps', [...note.followUps, { id: crypto.randomUUID() as TaskId, title: '', dueDate: today, ownerName: session?.user.name ?? '' }])}
      >
        + {tx.addFollowUp}
      </button>

      <fieldset className={note.escalation ? 'escalation escalation--on' : 'escalation'}>
        <legend>{tx.escalate}</legend>
        <label className="check">
          <input type="checkbox" checked={note.escalation !== null} onChange={(e) => set('escalation', e.target.checked ? { reason: '', severity: 'urgent' } : null)} />
          <span>{tx.escalate}</span>
        </label>
        {note.escalation && (
          <>
            <div role="alert" className="escalation__banner">
              <strong>{tx.escalationBanner}</strong>{' '}
              {careTeamPhone && (
                <a className="button button--danger" href={`tel:${careTeamPhone}`}>
                  {tx.callClinic}
                </a>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${note.id}-escalation`}>{tx.escalationReason}</label>
              <textarea
                id={`${note.id}-escalation`}
                rows={3}
                value={note.escalation.reason}
                onChange={(e) => note.escalation && set('escalation', { ...note.escalation, reason: e.target.value })}
              />
            </div>
            <Choice name="severity" legend={tx.severity} value={note.escalation.severity} options={ESCALATION_SEVERITIES} label={(s) => tx.severities[s]} onChange={(v) => note.escalation && set('escalation', { ...note.escalation, severity: v })} />
          </>
        )}
      </fieldset>

      {problems.length > 0 && (
        <ul role="alert" className="error">
          {problems.map((p) => (
            <li key={p}>{tx.problems[p]}</li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--primary button--wide" onClick={() => void sign()}>
        {tx.sign}
      </button>
      {confirmDialog}
      <DiscardDraft note={note} />
    </form>
  );
}
