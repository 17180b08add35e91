/**
 * The patient record as a person reads it: who the patient is at the top of the patient and
 * note screens, a signed note's questionnaire in words, the latest health risk check, and no
 * date anywhere in ISO form, in English and Spanish.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment } from '../../../domain/appointment';
import type { CareGap } from '../../../domain/careGap';
import type { ContactNote } from '../../../domain/contactNote';
import type { QuestionnaireResponse } from '../../../domain/questionnaire';
import type { Barrier, Goal } from '../../../domain/supportSystem';
import type { Task } from '../../../domain/task';
import { buildContactPoint, buildGap } from '../../../../tests/support/builders';
import { FollowUpsScreen } from '../followUps/FollowUpsScreen';
import { NoteScreen } from '../note/NoteScreen';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest } from '../patientRecord/recordTestHarness';
import { RosterScreen } from '../roster/RosterScreen';
import { TodayScreen } from '../today/TodayScreen';
import { PatientScreen } from './PatientScreen';

let test: RecordTest;
afterEach(() => test.close());

/** An HRA worth 8 risk points (high risk): poor health, a fall, fear of falling, poor sight, low mood, memory. */
const highRiskAnswers = {
  general_health: 'poor',
  fell_past_year: 'yes',
  fear_of_falling: 'yes',
  daily_medicines: 'zero_to_four',
  medicine_trouble: 'no',
  active_days: 'days_5',
  smoking: 'never',
  alcohol: 'none',
  daily_activities: 'no_trouble',
  lives_alone: 'no',
  has_helper: 'yes',
  vision_hearing: 'yes',
  feeling_down: 'most_days',
  memory_concern: 'yes',
  anything_else: 'Me mareo al levantarme',
};

const signedNote = {
  id: 'note_1',
  patientId: PATIENT_ID,
  authorId: 'usr_1',
  authorName: 'Maria Santos',
  status: 'signed',
  mode: 'home_visit',
  contactAt: '2026-11-20T15:00:00.000Z',
  durationMinutes: 40,
  outcome: 'reached',
  activities: [{ kind: 'questionnaire', questionnaireId: 'hra', responseId: 'qr_1' }],
  text: 'Went through the health check together.',
  followUps: [{ id: 'task_f', title: 'Call back after 3 pm', dueDate: '2026-12-05', ownerName: 'Maria Santos' }],
  escalation: null,
  createdAt: '2026-11-20T15:00:00.000Z',
  updatedAt: '2026-11-20T15:45:00.000Z',
  signedAt: '2026-11-20T15:45:00.000Z',
  fromTaskId: null,
  contentHash: 'a'.repeat(64),
  enteredInError: null,
} as unknown as ContactNote;

const hraResponse = {
  id: 'qr_1',
  questionnaireId: 'hra',
  questionnaireVersion: '1',
  patientId: PATIENT_ID,
  noteId: 'note_1',
  answers: highRiskAnswers,
  score: 8,
  language: 'es',
  status: 'completed',
  updatedAt: '2026-11-20T15:30:00.000Z',
} as unknown as QuestionnaireResponse;

const missedVisit = {
  id: 'task_1',
  patientId: PATIENT_ID,
  kind: 'no_show',
  title: 'Dr. Lee',
  titleTemplate: { code: 'rebook_missed_appointment', provider: 'Dr. Lee', reason: 'Control de presión', startsAt: '2026-11-18T14:00:00.000Z' },
  dueDate: '2026-11-25',
  ownerName: 'Maria Santos',
  status: 'open',
  sourceNoteId: null,
  sourceAppointmentId: 'apt_1',
  createdAt: '2026-11-18T21:00:00.000Z',
  completedAt: null,
  completedByNoteId: null,
} as unknown as Task;

const records = () => [
  entity('contactPoint', buildContactPoint('cp_1', PATIENT_ID, { consentAt: '2026-10-01T14:00:00.000Z', consentBy: 'Maria Santos' } as never)),
  entity('note', signedNote),
  entity('questionnaireResponse', hraResponse),
  entity('task', missedVisit),
  entity('appointment', { id: 'apt_1', patientId: PATIENT_ID, provider: 'Dr. Lee', reason: 'Control de presión', mode: 'in_person', startsAt: '2030-01-15T15:00:00.000Z', status: 'scheduled' } as unknown as Appointment),
  entity('careGap', buildGap('gap_1', PATIENT_ID, { dueDate: '2026-12-31' } as Partial<CareGap>)),
  entity('barrier', { id: 'bar_1', patientId: PATIENT_ID, kind: 'transport', detail: 'No ride', status: 'open', identifiedOn: '2026-11-01', resolvedOn: null } as unknown as Barrier),
  entity('goal', { id: 'goal_1', patientId: PATIENT_ID, text: 'Walk daily', status: 'active', setOn: '2026-11-01', targetDate: '2027-02-01' } as unknown as Goal),
];

const patient = { language: 'es', interpreterNeeded: true, nextDueDate: '2026-12-10', lastContactAt: '2026-11-20T15:00:00.000Z' } as never;

describe('the top of the patient screen', () => {
  it('shows age, language, the phone to tap, the address and the latest health risk check before the history', async () => {
    test = await setUpRecordTest(records(), patient);
    test.render(() => <PatientScreen id={PATIENT_ID} />);
    const summary = await screen.findByRole('region', { name: 'About Ana Pérez' }, { timeout: 5000 });
    expect(within(summary).getByText(/^\d+ years old$/)).toBeInTheDocument();
    expect(summary).toHaveTextContent('Spanish');
    expect(summary).toHaveTextContent('Interpreter needed');
    expect(within(summary).getByRole('link', { name: 'Call Ana Pérez, (617) 555-0123' })).toHaveAttribute('href', 'tel:+16175550123');
    expect(summary).toHaveTextContent('1 Main St, Chelsea, MA 02150');
    expect(within(summary).getByTestId('latest-hra')).toHaveTextContent('High risk: tell the care team before the visit · Nov 20, 2026');
    // Before the history.
    const history = screen.getByRole('region', { name: 'Contact history' });
    expect(summary.compareDocumentPosition(history) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says when no health risk check was done, and never throws on a malformed language code', async () => {
    test = await setUpRecordTest([], { language: 'en_US' } as never);
    test.render(() => <PatientScreen id={PATIENT_ID} />);
    const summary = await screen.findByRole('region', { name: 'About Ana Pérez' }, { timeout: 5000 });
    expect(summary).toHaveTextContent('American English');
    expect(within(summary).getByTestId('latest-hra')).toHaveTextContent('Not done yet');
    expect(summary).toHaveTextContent('No phone on file');
  });
});

describe('a signed note', () => {
  it('names the patient and shows the questionnaire by its title, with score, risk level and answers in words', async () => {
    test = await setUpRecordTest(records(), patient);
    test.render(() => <NoteScreen patientId={PATIENT_ID} noteId="note_1" />);
    const summary = await screen.findByRole('region', { name: 'About Ana Pérez' }, { timeout: 5000 });
    expect(screen.getByText('Ana Pérez')).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: /Call Ana Pérez/ })).toBeInTheDocument();
    const hra = screen.getByRole('region', { name: 'Health check before your visit' });
    expect(hra).toHaveTextContent('Score: 8');
    expect(hra).toHaveTextContent('High risk: tell the care team before the visit');
    expect(hra).toHaveTextContent('Answered in Spanish');
    const fall = within(hra).getByText('Have you had a fall in the past 12 months, even one that did not hurt you?');
    expect(fall.nextElementSibling).toHaveTextContent('Yes');
    expect(within(hra).getByText('In the last 2 weeks, how often have you felt sad, low, or without hope?').nextElementSibling).toHaveTextContent('Most days');
    expect(screen.queryByText(/\bHRA\b/)).toBeNull();
    expect(screen.getByText(/Call back after 3 pm · Due Dec 5, 2026/)).toBeInTheDocument();
  });
});

describe('in Spanish', () => {
  const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

  it.each([
    ['the patient screen', () => <PatientScreen id={PATIENT_ID} />, 'Última revisión de riesgos de salud'],
    ['a signed note', () => <NoteScreen patientId={PATIENT_ID} noteId="note_1" />, 'Revisión de salud antes de su visita'],
    ['follow-ups', () => <FollowUpsScreen />, 'Llamar para reprogramar la visita perdida con Dr. Lee'],
    ['the roster', () => <RosterScreen />, 'Ana Pérez'],
    ['today', () => <TodayScreen />, 'Visitas sugeridas'],
  ])('%s shows every date in words, never as YYYY-MM-DD', async (_name, ui, landmark) => {
    test = await setUpRecordTest(records(), patient);
    test.render(ui, 'es');
    expect((await screen.findAllByText(new RegExp(landmark), undefined, { timeout: 5000 })).length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(ISO_DATE);
  });

  it('a signed note gives the answers in Spanish from the questionnaire itself', async () => {
    test = await setUpRecordTest(records(), patient);
    test.render(() => <NoteScreen patientId={PATIENT_ID} noteId="note_1" />, 'es');
    const hra = await screen.findByRole('region', { name: 'Revisión de salud antes de su visita' });
    expect(hra).toHaveTextContent('Riesgo alto: avise al equipo de atención antes de la visita');
    expect(within(hra).getByText('¿Le preocupa caerse cuando camina o se mueve dentro de su casa?').nextElementSibling).toHaveTextContent('Sí');
    expect(hra).not.toHaveTextContent('Respondido en');
  });
});
