/**
 * No PHI in logs (DESIGN §7): a database error while applying a push is logged with its route,
 * name, SQLSTATE and constraint only. The database's own message and detail quote the failing
 * row ("Failing row contains (...)"), i.e. the patient's name or the note's text; none of that,
 * nor any query parameter or request body, may reach the log. The logger's real output (pino,
 * JSON lines) is captured through its destination stream.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PatientId } from '../../../src/domain/ids';
import { fixtureDataset, NORTH_PATIENTS } from '../../test/fixtures';
import { signIn } from '../../test/http';
import { change, pushRaw } from '../../test/push';
import { describeEachDb } from '../../test/testDb';
import { PROTOCOL_VERSION } from '../../../src/protocol/wire';
import { loadDataset } from '../seed/loadDataset';
import { buildApp } from './buildApp';

const [N1] = NORTH_PATIENTS as [PatientId];
const NAME = 'Quillfeather-Marchbanks';
const NOTE_TEXT = 'Confided her diagnosis of Xylorian fever';
const DEVICE = 'device-logs-ana';

describeEachDb('no PHI in server logs', (current) => {
  let app: FastifyInstance;
  let token = '';
  const lines: string[] = [];

  beforeAll(async () => {
    const { db } = current();
    await current().reset();
    await loadDataset(db, fixtureDataset());
    // Two ways the database refuses a write, each quoting the record it refused.
    await db.exec(`
      alter table patient_records add constraint no_xylorian check (data->>'text' not like '%Xylorian%') not valid;
      create function refuse_quillfeather() returns trigger language plpgsql as $$
      begin
        if new.data->>'familyName' = '${NAME}' then raise exception 'refusing %', new.data; end if;
        return new;
      end $$;
      create trigger refuse_quillfeather before update on patients for each row execute function refuse_quillfeather();`);
    app = await buildApp({
      db,
      version: 'test',
      logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
    });
    token = await signIn(app, 'ana', DEVICE);
  });
  afterAll(async () => {
    await app.close();
    const { db } = current();
    await db.exec('drop trigger refuse_quillfeather on patients; drop function refuse_quillfeather(); alter table patient_records drop constraint no_xylorian;');
  });

  const send = (mutation: ReturnType<typeof change>) =>
    pushRaw(app, token, { protocolVersion: PROTOCOL_VERSION, deviceId: DEVICE, mutations: [mutation] });

  it('a check constraint that quotes the failing row: the log names the route, SQLSTATE and constraint only', async () => {
    lines.length = 0;
    const note = {
      id: 'note-logs', patientId: N1, authorId: 'user-ana', authorName: 'Ana Tester', status: 'draft', mode: 'phone_call',
      contactAt: '2026-11-20T09:00:00.000Z', durationMinutes: 5, outcome: null, activities: [], text: NOTE_TEXT, followUps: [],
      escalation: null, nextContactDue: null, createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T09:00:00.000Z',
      signedAt: null, fromTaskId: null, contentHash: null, enteredInError: null,
    };
    const res = await send(change(1, { kind: 'note', entityId: note.id, patientId: N1, op: 'create', values: note }));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('Xylorian');
    const log = lines.join('');
    expect(log).toContain('"sqlState":"23514"');
    expect(log).toContain('"constraint":"no_xylorian"');
    expect(log).toContain('POST /api/sync/push');
    expect(log).not.toContain('Xylorian');
    expect(log).not.toContain('diagnosis');
    expect(log).not.toContain('Failing row');
  });

  it('an exception raised with the record in its message: none of it is logged', async () => {
    lines.length = 0;
    const res = await send(change(1, { kind: 'patient', entityId: N1, patientId: N1, values: { familyName: NAME } }));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(NAME);
    const log = lines.join('');
    expect(log).toContain('"sqlState":"P0001"');
    expect(log).not.toContain(NAME);
    expect(log).not.toContain('refusing');
    expect(log).not.toContain('MRN-');
  });
});
