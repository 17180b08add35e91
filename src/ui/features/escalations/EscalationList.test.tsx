import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Escalation } from '../../../domain/escalation';
import { applyPullPage } from '../../../storage/applyPullPage';
import { plainCodec } from '../../../storage/codec';
import { FollowUpsScreen } from '../followUps/FollowUpsScreen';
import { PatientScreen } from '../patient/PatientScreen';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest } from '../patientRecord/recordTestHarness';

let test: RecordTest;
afterEach(() => test.close());

/** As the specialist's device wrote it when the note was signed (older devices: no office fields). */
const raised = {
  id: 'esc_1',
  patientId: PATIENT_ID,
  noteId: 'note_1',
  reason: 'Short of breath at rest',
  severity: 'urgent',
  raisedAt: '2026-11-20T09:00:00.000Z',
  raisedBy: 'Maria Santos',
  status: 'open',
} as unknown as Escalation;

const acknowledged = {
  ...raised,
  raisedById: 'usr_1',
  status: 'acknowledged',
  acknowledgedAt: '2026-11-20T09:20:00.000Z',
  acknowledgedBy: 'usr_sol',
  acknowledgedByName: 'Sol Rivera',
  assignedTo: 'usr_ben',
  assignedToName: 'Ben Ortiz',
  resolvedAt: null,
  resolvedBy: null,
  resolvedByName: null,
  resolution: null,
} as unknown as Escalation;

const resolved = {
  ...acknowledged,
  status: 'resolved',
  resolvedAt: '2026-11-20T11:00:00.000Z',
  resolvedBy: 'usr_sol',
  resolvedByName: 'Sol Rivera',
  resolution: 'Nurse visited; oxygen adjusted',
} as unknown as Escalation;

const escalationsOf = () => screen.findByRole('region', { name: /Urgent escalations|Escalaciones urgentes/ });

describe('the specialist sees what the office did with an escalation', () => {
  it('[T7] on the patient screen: waiting for the office, then acknowledged and who follows it up once the next sync brings it', async () => {
    test = await setUpRecordTest([entity('escalation', raised)]);
    test.render(() => <PatientScreen id={PATIENT_ID} />);
    const section = await escalationsOf();
    expect(section).toHaveTextContent('Urgent · Short of breath at rest');
    expect(within(section).getByText('Waiting for the office', { selector: '.badge' })).toBeInTheDocument();
    expect(section).toHaveTextContent("The office's answer arrives with the next sync.");

    await applyPullPage(test.db, plainCodec, [{ ...entity('escalation', acknowledged), version: 2 }], 'cursor-2');
    expect(await within(section).findByText('Acknowledged', { selector: '.badge' })).toBeInTheDocument();
    expect(section).toHaveTextContent(/Acknowledged .+ by Sol Rivera/);
    expect(section).toHaveTextContent('Followed up by Ben Ortiz');
    expect(section).not.toHaveTextContent('arrives with the next sync');
  });

  it('in Spanish: resolved, with what was done', async () => {
    test = await setUpRecordTest([entity('escalation', resolved)]);
    test.render(() => <PatientScreen id={PATIENT_ID} />, 'es');
    const section = await escalationsOf();
    expect(within(section).getByText('Resuelta', { selector: '.badge' })).toBeInTheDocument();
    expect(section).toHaveTextContent(/Escalada el .+ por Maria Santos/);
    expect(section).toHaveTextContent(/Resuelta el .+ por Sol Rivera/);
    expect(section).toHaveTextContent('Qué se hizo: Nurse visited; oxygen adjusted');
  });

  it('a patient without escalations shows no such section', async () => {
    test = await setUpRecordTest();
    test.render(() => <PatientScreen id={PATIENT_ID} />);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('region', { name: 'Urgent escalations' })).toBeNull();
  });

  it.each([
    ['en', 'Waiting for the office'],
    ['es', 'Esperando a la oficina'],
  ] as const)('[%s] in follow-ups, each escalation names its patient, linked to their record', async (locale, status) => {
    test = await setUpRecordTest([entity('escalation', raised)]);
    test.render(() => <FollowUpsScreen />, locale);
    const section = await escalationsOf();
    expect(within(section).getByRole('link', { name: 'Ana Pérez' })).toHaveAttribute('href', `#/patients/${PATIENT_ID}`);
    expect(within(section).getByText(status, { selector: '.badge' })).toBeInTheDocument();
  });
});
