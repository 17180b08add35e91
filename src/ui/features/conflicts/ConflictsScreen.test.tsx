import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conflict } from '../../../domain/conflict';
import type { Hlc } from '../../../domain/hlc';
import type { IsoDateTime, PatientId } from '../../../domain/ids';
import { plainCodec } from '../../../storage/codec';
import { entity, setUpRecordTest, type RecordTest } from '../patientRecord/recordTestHarness';
import { ConflictsScreen } from './ConflictsScreen';

let test: RecordTest;
afterEach(() => test.close());

const conflict: Conflict = {
  id: 'cf_1',
  patientId: 'pat_1' as PatientId,
  entityKind: 'patient',
  entityId: 'pat_1',
  field: 'bestTimeToCall',
  winner: { value: 'Evenings', hlc: '000001764000000000:000000:dev-a' as Hlc, by: 'Ana Tester', userId: null, deviceId: 'dev-a' },
  loser: { value: 'Mornings', hlc: '000001763000000000:000000:dev-b' as Hlc, by: 'Maria Santos', userId: null, deviceId: 'dev-b' },
  detectedAt: '2026-11-22T15:00:00.000Z' as IsoDateTime,
  status: 'open',
  resolvedBy: null,
  resolvedById: null,
  resolvedAt: null,
};

async function open(locale: 'en' | 'es') {
  test = await setUpRecordTest([entity('conflict', conflict)], { givenName: 'Rosa', familyName: 'Díaz' });
  const note = { id: 'note_1', patientId: 'pat_1', mode: 'home_visit', contactAt: '2026-12-02T13:03:00.000Z', text: 'Talked through the inhaler plan', status: 'draft' };
  await test.db.rejections.bulkAdd([
    { mutationId: 'm1', kind: 'note', entityId: 'note_1', entityKey: 'note:note_1', reason: 'invalid', message: 'contentHash: does not match', at: '2026-12-02T13:10:00.000Z', patientId: 'pat_1', op: 'update', body: await plainCodec.seal({ op: 'update', patientId: 'pat_1', values: { status: 'signed' }, at: '2026-12-02T13:05:00.000Z' }), record: await plainCodec.seal(note) },
    { mutationId: 'm2', kind: 'patient', entityId: 'pat_1', entityKey: 'patient:pat_1', reason: 'invalid', message: 'language: not a language code', at: '2026-12-02T13:11:00.000Z', patientId: 'pat_1', op: 'update', body: await plainCodec.seal({ op: 'update', patientId: 'pat_1', values: { language: 'en_US', bestTimeToCall: 'After 5' }, at: '2026-12-02T13:06:00.000Z' }) },
  ]);
  test.render(() => <ConflictsScreen myDevice="dev-b" />, locale);
  return screen.findByRole('list', { name: locale === 'en' ? 'Changes the server refused' : 'Cambios rechazados por el servidor' });
}

const RAW = /bestTimeToCall|contentHash|\bpatient ·|\bnote:|"status"/;

describe('the conflicts screen says everything in words', () => {
  it('names the patient, the record and the refusal, and offers actions (English)', async () => {
    const list = await open('en');
    const cards = await within(list).findAllByRole('listitem');
    expect(cards[1]).toHaveTextContent(/Rosa Díaz — Home visit note, Dec 2, 2026/);
    expect(cards[1]).toHaveTextContent('Signing this note');
    expect(cards[1]).toHaveTextContent('The value of “Signature” was not accepted.');
    expect(within(cards[1]!).getByRole('button', { name: 'Reopen as a draft' })).toBeInTheDocument();
    expect(within(cards[1]!).getByRole('button', { name: 'Copy the text' })).toBeInTheDocument();
    expect(cards[0]).toHaveTextContent('Changes to Preferred language and Best time to call');
    expect(within(cards[0]!).getByRole('button', { name: 'Redo as a new change' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Rosa Díaz — Patient details · Best time to call' })).toBeInTheDocument();
    expect(document.body.textContent?.match(RAW)?.[0] ?? null).toBeNull();
  });

  it('and in Spanish', async () => {
    const list = await open('es');
    const cards = await within(list).findAllByRole('listitem');
    expect(cards[1]).toHaveTextContent(/Rosa Díaz — Nota de visita a domicilio, 2 dic 2026/);
    expect(cards[1]).toHaveTextContent('Firmar esta nota');
    expect(cards[0]).toHaveTextContent('Cambios en Idioma preferido y Mejor hora para llamar');
    expect(screen.getByRole('heading', { name: 'Rosa Díaz — Datos del paciente · Mejor hora para llamar' })).toBeInTheDocument();
    expect(document.body.textContent?.match(RAW)?.[0] ?? null).toBeNull();
  });
});
