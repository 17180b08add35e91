/**
 * The programs of the sync model test: the commands (a union, one `case` each in `step`),
 * their generator, and what a run knows while it executes them. A run starts three fresh
 * devices on the model server, shares the office (whose app stays open from run to run), and
 * records every field edit for the oracle (modelOracle.ts). Devices act only through the
 * storage commands the screens call: notes through modelNotes.ts (one field per autosave, Sign
 * that validation may stop), conflicts through modelResolve.ts. The checks once everything is
 * quiet are in modelChecks.ts.
 *
 * Each run works on records of its own (ids starting `m<run>-`) besides the shared patients,
 * so a program means the same thing whichever runs came before it.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { EntityRecord } from '../../../src/protocol/entities';
import { plainCodec } from '../../../src/storage/codec';
import { saveDraft, signNoteCommand, startNote } from '../../../src/storage/commands/notes';
import { saveRecord, updateRecord, type EditableKind } from '../../../src/storage/commands/records';
import { TABLE_OF_KIND } from '../../../src/storage/db';
import { getMeta } from '../../../src/storage/meta';
import { readRecord } from '../../../src/storage/readRecords';
import { compareCursors, cursorKeyOf, decodeCursor, type PullCursor } from '../../../server/src/changes/cursor';
import { ModelClient, type Clock, type Fault } from './modelClient';
import type { ModelOffice } from './modelOffice';
import { NOTE_FIELDS, noteError, noteField, noteSign, noteStart, type Draft, type NoteField } from './modelNotes';
import { resolve } from './modelResolve';
import type { Edit } from './modelOracle';
import { ELSEWHERE, type ModelServer } from './modelServer';

export const CLIENTS = 3;
/** Contact points the office registers for a patient at the start of a run that needs them. */
const PHONES_PER_PATIENT = 2;
const FIELDS = ['bestTimeToCall', 'accessNotes'] as const;
type Field = (typeof FIELDS)[number];
export type Deletable = 'caregiver' | 'contactPoint';

/** `c` is a device, `p` a patient, `k` picks one of the patient's records of this run. */
export type Command =
  | { t: 'edit'; c: number; p: number; field: Field; value: string }
  | { t: 'consent'; c: number; p: number; k: number; consent: 'granted' | 'declined' }
  | { t: 'caregiver'; c: number; p: number }
  | { t: 'caregiverPhone'; c: number; p: number; k: number }
  | { t: 'note'; c: number; p: number; sign: boolean }
  /** The note screen, one action at a time: `k` picks one of the device's drafts (or signed notes). */
  | { t: 'noteStart'; c: number; p: number }
  | { t: 'noteField'; c: number; k: number; field: NoteField }
  | { t: 'noteSign'; c: number; k: number }
  | { t: 'noteError'; c: number; k: number }
  /** The Conflicts screen: keep the winner or restore the loser of one of this run's conflicts. */
  | { t: 'resolve'; c: number; k: number; choice: 'keep_theirs' | 'restore_mine' }
  /**
   * Device c syncs, and between its push and its pull people go on working: on c itself (the
   * screen never waits for sync) and elsewhere, other devices syncing included.
   */
  | { t: 'whileSyncing'; c: number; during: Command[] }
  /** One sync; the fault hits its `nth` request. */
  | { t: 'sync'; c: number; fault: Fault; nth: number }
  /** The network delivers the device's oldest held-back request, alone or while the device syncs. */
  | { t: 'release'; c: number; duringSync: boolean }
  | { t: 'offline'; c: number; on: boolean }
  /** Every device pushes and pulls at the same moment (concurrent pushes). */
  | { t: 'syncAll' }
  | { t: 'officeEdit'; p: number; field: Field; value: string }
  | { t: 'officeDelete'; p: number; kind: Deletable; k: number }
  /** The office moves the patient out of the devices' territory, or back into it (S16). */
  | { t: 'officeMove'; p: number };

const device = fc.nat(CLIENTS - 1);
// Most commands meet on one patient, so edits collide often enough to exercise S9 and S12.
const patient = fc.constantFrom(0, 0, 0, 1, 2, 3);
const text = fc.constantFrom('Mornings', 'After 2 pm', 'Weekends', 'Ring twice');
const faults: readonly Fault[] = ['none', 'none', 'drop', 'lose', 'duplicate', 'kill', 'delay', 'delay'];
const single: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('edit' as const), c: device, p: patient, field: fc.constantFrom(...FIELDS), value: text }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('consent' as const), c: device, p: patient, k: fc.nat(1), consent: fc.constantFrom('granted' as const, 'declined' as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('caregiver' as const), c: device, p: patient }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('caregiverPhone' as const), c: device, p: patient, k: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('note' as const), c: device, p: patient, sign: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('sync' as const), c: device, fault: fc.constantFrom(...faults), nth: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('release' as const), c: device, duringSync: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), c: device, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('syncAll' as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('officeEdit' as const), p: patient, field: fc.constantFrom(...FIELDS), value: text }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('officeDelete' as const), p: patient, kind: fc.constantFrom<Deletable>('caregiver', 'contactPoint'), k: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('officeMove' as const), p: patient }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('noteStart' as const), c: device, p: patient }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('noteField' as const), c: device, k: fc.nat(2), field: fc.constantFrom(...NOTE_FIELDS) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('noteSign' as const), c: device, k: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('noteError' as const), c: device, k: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('resolve' as const), c: device, k: fc.nat(3), choice: fc.constantFrom('keep_theirs' as const, 'restore_mine' as const) }) },
);
/** What people do while one device is between its push and its pull. */
const meanwhile: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ t: fc.constant('edit' as const), c: device, p: patient, field: fc.constantFrom(...FIELDS), value: text }),
  fc.record({ t: fc.constant('noteField' as const), c: device, k: fc.nat(2), field: fc.constantFrom(...NOTE_FIELDS) }),
  fc.record({ t: fc.constant('noteError' as const), c: device, k: fc.nat(2) }),
  fc.record({ t: fc.constant('officeEdit' as const), p: patient, field: fc.constantFrom(...FIELDS), value: text }),
  fc.record({ t: fc.constant('sync' as const), c: device, fault: fc.constant('none' as const), nth: fc.constant(1) }),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 12, arbitrary: single },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('whileSyncing' as const), c: device, during: fc.array(meanwhile, { minLength: 1, maxLength: 4 }) }) },
);

export const programs = fc.array(command, { minLength: 1, maxLength: 16 });

/** What outlives one run: the server, the office, the shared clock, the run count. */
export interface ModelWorld {
  readonly server: ModelServer;
  readonly office: ModelOffice;
  readonly clock: Clock;
  runs: number;
}

/** What one program run knows beyond the devices themselves. */
export interface Run {
  readonly world: ModelWorld;
  readonly no: number;
  readonly prefix: string;
  readonly newId: () => string;
  readonly patients: readonly string[];
  readonly clients: readonly ModelClient[];
  readonly userNames: readonly string[];
  /** Every field edit, by the devices and the office, in the order people made them. */
  readonly edits: Edit[];
  /** Records the office deleted, by `kind:id`. */
  readonly deleted: Set<string>;
  /** S12 violations seen in any pull: a deleted record served again as live. */
  readonly resurrected: string[];
  /** Notes signed on a device, with their content hash. */
  readonly signed: Map<string, string>;
  /** Caregivers the devices added: name by id. */
  readonly caregivers: Map<string, string>;
  readonly cursors: (PullCursor | null)[];
  /** Patients the office moved out of the devices' territory and not back. */
  readonly away: Set<string>;
  /**
   * Changes (mutation ids) a device made on a patient it had already been told had left:
   * the server may refuse them (out of scope), and the person is shown that (S16).
   */
  readonly madeAfterExit: Set<string>;
  /** Drafts started on the devices, with what the person last typed in each field. */
  readonly drafts: Map<string, Draft>;
  /** "Entered in error" changes (mutation ids): two devices may race, and the later is refused (S10). */
  readonly errorMarks: Set<string>;
  /** When the run began: conflicts detected since are this run's. */
  readonly startedAt: string;
  serial: number;
}

/** Checks a pull's records against the deletes so far (S12). */
function watch(r: Pick<Run, 'deleted' | 'resurrected'>, who: string) {
  return (records: readonly EntityRecord[]) => {
    for (const rec of records) {
      if (!rec.deleted && r.deleted.has(`${rec.kind}:${rec.id}`)) r.resurrected.push(`${who} pulled ${rec.kind}:${rec.id} v${rec.version}`);
    }
  };
}

export async function startRun(world: ModelWorld, commands: readonly Command[]): Promise<Run> {
  const { server, office, clock } = world;
  const no = ++world.runs;
  const prefix = `m${no}-`;
  let ids = 0;
  const newId = () => `${prefix}${++ids}`;
  const seen = { deleted: new Set<string>(), resurrected: [] as string[] };
  const patients = server.dataset.patients.map((p) => p.id as string);
  const startedAt = clock.now().toISOString();
  // Every run starts with all patients at home, whatever the last run moved.
  for (const p of server.dataset.patients) await office.move(p.id, p.territoryId);
  await server.settle();
  // The office registers this run's phone numbers for the patients the program records
  // consent on (only those: every record stays in the database for the runs after this one).
  const phoned = new Set(
    commands.flatMap((cmd) => (cmd.t === 'consent' || (cmd.t === 'officeDelete' && cmd.kind === 'contactPoint') ? [cmd.p % patients.length] : [])),
  );
  if (phoned.size > 0) {
    await office.push(
      [...phoned].flatMap((p) =>
        Array.from({ length: PHONES_PER_PATIENT }, (_, i) => {
          const id = `${prefix}cp${p}-${i}`;
          const patientId = patients[p]!;
          const values = { id, patientId, channel: 'phone', use: 'mobile', value: `+1617555${1000 + p * 10 + i}`, consent: 'unknown', consentAt: null, consentBy: null, removed: false };
          return { kind: 'contactPoint' as const, entityId: id, op: 'create' as const, patientId, values };
        }),
      ),
    );
  }
  const clients: ModelClient[] = [];
  const userNames: string[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const deviceId = `model-${no}-${c}-device`;
    // With two server processes, devices are spread over both.
    const url = server.urls[c % server.urls.length] as string;
    const client = new ModelClient(`model-${no}-${c}`, deviceId, url, clock, newId, watch(seen, deviceId));
    const { token, user } = await server.session(c, deviceId);
    await client.signIn(token, user);
    expect((await client.sync('none')) as { ok: boolean }).toMatchObject({ ok: true });
    clients.push(client);
    userNames.push(user.name);
  }
  return {
    world,
    no,
    prefix,
    newId,
    patients,
    clients,
    userNames,
    edits: [],
    ...seen,
    signed: new Map(),
    caregivers: new Map(),
    cursors: clients.map(() => null),
    away: new Set(),
    madeAfterExit: new Set(),
    drafts: new Map(),
    errorMarks: new Set(),
    startedAt,
    serial: 0,
  };
}

export async function step(r: Run, cmd: Command): Promise<void> {
  const c = 'c' in cmd ? cmd.c : undefined;
  if (cmd.t === 'whileSyncing') return whileSyncing(r, cmd.c, cmd.during);
  const patientId = r.patients[('p' in cmd ? cmd.p : 0) % r.patients.length]!;
  if (c === undefined || !('p' in cmd)) return act(r, cmd);
  const db = r.clients[c]!.db;
  // A patient no longer on the device cannot be opened, so nothing is done to it there.
  if (!(await db.patients.get(patientId))) return;
  // Note the changes a device makes on a patient it already knows has left (S16).
  const leaving = ((await getMeta(db, 'leavingPatients')) ?? []).includes(patientId);
  const before = new Set((await db.outbox.toArray()).map((row) => row.mutationId));
  await act(r, cmd);
  if (!leaving) return;
  for (const row of await r.clients[c]!.db.outbox.toArray()) if (!before.has(row.mutationId)) r.madeAfterExit.add(row.mutationId);
}

async function act(r: Run, cmd: Command): Promise<void> {
  const { office, clock } = r.world;
  const patientId = r.patients[('p' in cmd ? cmd.p : 0) % r.patients.length]!;
  const unique = (base: string) => `${base} #${r.no}.${++r.serial}`;
  switch (cmd.t) {
    case 'edit':
      return deviceEdit(r, cmd.c, 'patient', patientId, { [cmd.field]: unique(cmd.value) }, cmd.field);
    case 'consent': {
      // As the contacts editor records it: the answer, when (unique: the clock never repeats), by whom.
      const id = pick(r, await localIds(r.clients[cmd.c]!, 'contactPoint', patientId), cmd.k);
      const patch = { consent: cmd.consent, consentAt: clock.now().toISOString(), consentBy: r.userNames[cmd.c] };
      if (id) await deviceEdit(r, cmd.c, 'contactPoint', id, patch, 'consentAt');
      return;
    }
    case 'caregiverPhone': {
      const id = pick(r, await localIds(r.clients[cmd.c]!, 'caregiver', patientId), cmd.k);
      if (id) await deviceEdit(r, cmd.c, 'caregiver', id, { phone: unique('+1 617 555') }, 'phone');
      return;
    }
    case 'caregiver': {
      const id = r.newId();
      const name = `Caregiver ${r.no}-${r.caregivers.size}`;
      r.caregivers.set(id, name);
      await saveRecord(r.clients[cmd.c]!.commandDeps(), 'caregiver', {
        id: id as never,
        patientId: patientId as never,
        name,
        relationship: 'daughter',
        phone: null,
        primary: false,
        removed: false,
        shareInfo: null,
      });
      return;
    }
    case 'note': {
      const deps = r.clients[cmd.c]!.commandDeps();
      const started = await startNote(deps, { patientId, mode: 'phone_call' });
      if (!started.ok) throw new Error(started.code);
      await saveDraft(deps, { ...started.note, outcome: 'reached', text: `Run ${r.no}` });
      if (cmd.sign) {
        const res = await signNoteCommand(deps, started.note.id);
        if (!res.ok) throw new Error(res.code);
        r.signed.set(res.note.id, res.note.contentHash ?? '');
      }
      return;
    }
    case 'noteStart':
      return noteStart(r, cmd.c, patientId);
    case 'noteField':
      return noteField(r, cmd.c, cmd.k, cmd.field);
    case 'noteSign':
      return noteSign(r, cmd.c, cmd.k);
    case 'noteError':
      return noteError(r, cmd.c, cmd.k);
    case 'resolve':
      return resolve(r, cmd.c, cmd.k, cmd.choice);
    case 'whileSyncing':
      return whileSyncing(r, cmd.c, cmd.during);
    case 'sync': {
      const res = await r.clients[cmd.c]!.sync(cmd.fault, cmd.nth);
      if (res !== 'killed' && res.ok) await checkCursor(r, cmd.c);
      return;
    }
    case 'release': {
      const client = r.clients[cmd.c]!;
      if (cmd.duringSync) {
        const [, res] = await Promise.all([client.releaseHeld(), client.sync('none')]);
        if (res !== 'killed' && res.ok) await checkCursor(r, cmd.c);
        return;
      }
      // [S14] An old pull's answer goes nowhere: the device's cursor stays where it was.
      const before = await getMeta(client.db, 'pullCursor');
      await client.releaseHeld();
      expect(await getMeta(client.db, 'pullCursor')).toBe(before);
      return;
    }
    case 'offline':
      r.clients[cmd.c]!.offline = cmd.on;
      return;
    case 'syncAll': {
      const results = await Promise.all(r.clients.map((c) => c.sync('none')));
      for (const [c, res] of results.entries()) if (res !== 'killed' && res.ok) await checkCursor(r, c);
      return;
    }
    case 'officeEdit': {
      watch(r, 'office')(await office.pull());
      const current = office.records.get(`patient:${patientId}`)?.data as Record<string, unknown> | null | undefined;
      const value = unique(`Office: ${cmd.value}`);
      const [m] = await office.push([{ kind: 'patient', entityId: patientId, op: 'update', patientId, values: { [cmd.field]: value } }]);
      r.edits.push({ order: r.edits.length, writer: office.deviceId, kind: 'patient', id: patientId, field: cmd.field, value, seen: current?.[cmd.field] ?? null, hlc: m!.hlc, mutationId: m!.mutationId });
      return;
    }
    case 'officeDelete': {
      watch(r, 'office')(await office.pull());
      const live = [...office.records.values()].filter(
        (rec) => rec.kind === cmd.kind && !rec.deleted && (rec.data as { patientId?: string }).patientId === patientId,
      );
      const id = pick(r, live.map((rec) => rec.id), cmd.k);
      if (!id) return;
      await office.push([{ kind: cmd.kind, entityId: id, op: 'delete', patientId, values: {} }]);
      r.deleted.add(`${cmd.kind}:${id}`);
      return;
    }
    case 'officeMove': {
      const home = r.world.server.dataset.patients.find((p) => p.id === patientId)!.territoryId;
      if (r.away.delete(patientId)) await office.move(patientId, home);
      else {
        await office.move(patientId, ELSEWHERE);
        r.away.add(patientId);
      }
      return;
    }
  }
}

/**
 * Device c syncs; `during` runs once its push is done and before its pull leaves (or after
 * the sync, if it never got to its pull). Device c does not sync again meanwhile.
 */
async function whileSyncing(r: Run, c: number, during: readonly Command[]): Promise<void> {
  const client = r.clients[c]!;
  let ran = false;
  const meanwhile = async () => {
    ran = true;
    for (const cmd of during) {
      if ((cmd.t === 'sync' || cmd.t === 'release' || cmd.t === 'whileSyncing') && cmd.c === c) continue;
      if (cmd.t === 'syncAll') continue;
      await step(r, cmd);
    }
  };
  client.beforePull = meanwhile;
  const db = client.db;
  try {
    const res = await client.sync('none');
    if (res !== 'killed' && res.ok) await checkCursor(r, c);
  } finally {
    if (client.db === db) client.beforePull = undefined;
  }
  if (!ran) await meanwhile();
}

/**
 * Quiescence: the network delivers what it held back, everyone is online, and the devices sync
 * in calm rounds until a whole round moves nothing (no device sends or receives a record).
 */
export async function quiesce(r: Run): Promise<void> {
  for (const client of r.clients) while (client.heldCount > 0) await client.releaseHeld();
  for (const client of r.clients) client.offline = false;
  const MAX_ROUNDS = 8;
  for (let round = 0; ; round++) {
    expect(round, 'rounds of sync before nothing moves').toBeLessThan(MAX_ROUNDS);
    await r.world.server.settle();
    let moved = 0;
    for (const [c, client] of r.clients.entries()) {
      const res = await client.sync('none');
      expect(res, `client ${c} round ${round}`).toMatchObject({ ok: true });
      if (res !== 'killed' && res.ok) moved += res.sent + res.received;
      await checkCursor(r, c);
    }
    if (moved === 0) break;
  }
  await r.world.server.settle();
}

/** The k-th of this run's records among `ids`. */
function pick(r: Run, ids: readonly string[], k: number): string | undefined {
  const mine = ids.filter((id) => id.startsWith(r.prefix)).sort();
  return mine.length ? mine[k % mine.length] : undefined;
}

async function localIds(client: ModelClient, kind: Deletable, patientId: string): Promise<string[]> {
  return (await client.db[TABLE_OF_KIND[kind]].where('patientId').equals(patientId).toArray()).map((row) => row.id);
}

/** A person on device c changes fields of a record; `field` is the one the oracle follows. */
async function deviceEdit(r: Run, c: number, kind: EditableKind, id: string, patch: Record<string, unknown>, field: string) {
  const client = r.clients[c]!;
  const before = (await readRecord(client.db, plainCodec, kind, id)) as Record<string, unknown> | undefined;
  if (!before) return;
  const res = await updateRecord(client.commandDeps(), kind, id, patch as never);
  if (!res.ok || !res.changed) return;
  // The change's stamp, as its outbox row carries it (updates are never coalesced).
  const row = await client.db.outbox.where('entityKey').equals(`${kind}:${id}`).last();
  if (!row) throw new Error(`no outbox row for ${kind}:${id}`);
  r.edits.push({ order: r.edits.length, writer: client.deviceId, kind, id, field, value: patch[field], seen: before[field] ?? null, hlc: row.hlc, mutationId: row.mutationId });
}

/** The device's pull cursor never moves backwards (S13). */
async function checkCursor(r: Run, c: number) {
  const text = await getMeta(r.clients[c]!.db, 'pullCursor');
  if (!text) return;
  const decoded = decodeCursor(await cursorKeyOf(r.world.server.db), text);
  expect(decoded.ok).toBe(true);
  if (!decoded.ok) return;
  const before = r.cursors[c];
  if (before) expect(compareCursors(decoded.cursor, before)).toBeGreaterThanOrEqual(0);
  r.cursors[c] = decoded.cursor;
}
