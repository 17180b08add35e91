/**
 * The load run: one real server process (server/src/main.ts on PGlite in a temporary folder)
 * and many simulated devices on loopback, driven from this process over HTTP.
 *
 * The organisation: `devices / 5` territories of 50 patients each, five specialists per
 * territory, one device each (a specialist per device, as in the field). Five people sharing a
 * territory means every pull also brings the other four's work, like office staff and covering
 * colleagues editing the same patients. Each device:
 *
 *   1. signs in (POST /api/auth/login, scrypt on the server);
 *   2. downloads its territory (pull from no cursor to the end);
 *   3. end of day: pushes a day's work as numbered mutations, in batches of at most 200 and
 *      512 KiB as the app does, then pulls to the end. The day: 30 contact notes (each created
 *      as a draft, then signed with the client's content hash, and the patient's last contact
 *      moved, as signing in the app does: 3 mutations) and 100 field edits (a patient's best
 *      time to call or access notes, a care gap's status, a contact point's consent), all on the
 *      device's own 10 patients, so no two devices write the same field and every value sent
 *      must be on the server at the end, exactly.
 *
 * Then every device pulls once more, the server is stopped, and its database is checked: every
 * device's settled mark equals the mutations it sent, every note is there signed with its hash
 * intact, every edited field holds the value its device last sent, no conflict was recorded,
 * and every device's copy equals the server's records of its territory, record by record.
 */
import { randomUUID } from 'node:crypto';
import type { ContactNote } from '../../src/domain/contactNote';
import { encodeHlc, HLC_ZERO, tickHlc, type HlcState } from '../../src/domain/hlc';
import type { IsoDate, OrgId, TerritoryId } from '../../src/domain/ids';
import type { EntityRecord } from '../../src/protocol/entities';
import {
  PROTOCOL_VERSION,
  PULL_PAGE_MAX,
  PUSH_BATCH_MAX,
  type LoginResponse,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../src/protocol/wire';
import { hashNoteContent } from '../../src/storage/hashNote';
import { PUSH_BATCH_BYTES } from '../../src/sync/pushOutbox';
import { hashPassword } from '../../server/src/auth/password';
import type { Db } from '../../server/src/db/db';
import { generateDataset } from '../../server/src/seed/generateDataset';
import { loadDataset } from '../../server/src/seed/loadDataset';
import { startServerProcess } from '../support/serverProcess';
import { draftNote, runPool, signedNote, TimedHttp } from './workload';

export const LOAD = {
  devices: Number(process.env.BENCH_SYNC_DEVICES ?? 500),
  concurrency: Number(process.env.BENCH_SYNC_CONCURRENCY ?? 50),
  devicesPerTerritory: 5,
  patientsPerTerritory: 50,
  notesPerDay: 30,
  editsPerDay: 100,
  /** Each phase must end within this; the run fails rather than hang. */
  phaseLimitMs: 10 * 60_000,
  maxPullPages: 200,
} as const;

const PASSWORD = 'load-run-password';

interface OwnRecord {
  readonly kind: 'patient' | 'careGap' | 'contactPoint';
  readonly id: string;
  readonly patientId: string;
  version: number;
  data: Record<string, unknown>;
}

interface Device {
  readonly index: number;
  readonly deviceId: string;
  readonly username: string;
  readonly userId: string;
  readonly name: string;
  readonly territoryId: string;
  readonly ownPatients: ReadonlySet<string>;
  token: string;
  cursor: string | null;
  /** Every record on the device: `${kind}:${id}` → version. */
  readonly versions: Map<string, number>;
  /** The device's own patients and their gaps and contact points, for the day's edits. */
  readonly own: Map<string, OwnRecord>;
  mutations: Mutation[];
  /** `${kind}:${id}` → field → the last value this device sent. */
  readonly lastSent: Map<string, Record<string, unknown>>;
  /** Note id → the content hash it was signed with. */
  readonly notes: Map<string, string>;
}

export interface LoadRunResult {
  readonly devices: number;
  readonly territories: number;
  readonly patients: number;
  readonly concurrency: number;
  readonly http: TimedHttp;
  readonly phases: Record<'signIn' | 'download' | 'day' | 'catchUp', { wallMs: number; requests: number; serverCpuS: number | null }>;
  readonly dayMutations: number;
  readonly dayRecordsPulled: number;
  readonly downloadRecords: number;
  readonly catchUpRecords: number;
  readonly syncPerDevice: number[];
  readonly results: { applied: number; duplicate: number; rejected: number; conflicts: number; rejections: string[] };
  readonly serverPeakRssMiB: number | null;
  readonly clientCpuS: number;
  readonly check: {
    settledOk: number;
    settledWrong: string[];
    notesExpected: number;
    notesFound: number;
    notesSignedIntact: number;
    fieldsExpected: number;
    fieldsLost: number;
    fieldsLostSamples: string[];
    conflictRecords: number;
    devicesConverged: number;
    divergence: string[];
  };
}

const pad = (n: number) => String(n).padStart(3, '0');
const key = (kind: string, id: string) => `${kind}:${id}`;

/** The organisation for `devices` devices, written into the server's database before it starts. */
async function prepareOrg(db: Db, devices: number) {
  const territoryCount = Math.ceil(devices / LOAD.devicesPerTerritory);
  const total = territoryCount * LOAD.patientsPerTerritory;
  const third = Math.ceil(total / 3);
  const today = new Date().toISOString().slice(0, 10) as IsoDate;
  const base = generateDataset({ seed: 11, today, patientsPerTerritory: [third, third, total - 2 * third] });
  const territories = Array.from({ length: territoryCount }, (_, t) => ({
    id: `ter_load_${pad(t)}` as TerritoryId,
    orgId: base.org.id,
    name: `Load territory ${pad(t)}`,
  }));
  // Patients of the three generated towns dealt out round robin to the load territories.
  const patients = base.patients.map((p, i) => ({ ...p, territoryId: (territories[i % territoryCount] as (typeof territories)[number]).id }));
  await loadDataset(db, { ...base, territories: [...base.territories, ...territories], patients });

  // One hash for every load user: scrypt 500 times would only slow the set-up down.
  const passwordHash = await hashPassword(PASSWORD);
  const users = Array.from({ length: devices }, (_, d) => ({
    id: `usr_load_${pad(d)}`,
    orgId: base.org.id as OrgId,
    username: `load${pad(d)}`,
    name: `Load Specialist ${pad(d)}`,
    role: 'specialist',
    passwordHash,
    territoryId: (territories[Math.floor(d / LOAD.devicesPerTerritory)] as (typeof territories)[number]).id,
  }));
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into users (id, org_id, username, name, role, password_hash)
       select e->>'id', e->>'orgId', e->>'username', e->>'name', e->>'role', e->>'passwordHash'
         from jsonb_array_elements($1::jsonb) e`,
      [JSON.stringify(users)],
    );
    await tx.query(
      `insert into user_territories (user_id, territory_id)
       select e->>'id', e->>'territoryId' from jsonb_array_elements($1::jsonb) e`,
      [JSON.stringify(users)],
    );
  });

  const byTerritory = new Map<string, string[]>();
  for (const p of patients) byTerritory.set(p.territoryId, [...(byTerritory.get(p.territoryId) ?? []), p.id]);
  return { users, byTerritory, patients: patients.length, territories: territoryCount };
}

function applyPage(device: Device, records: readonly EntityRecord[]): void {
  for (const r of records) {
    const k = key(r.kind, r.id);
    if (r.deleted) device.versions.delete(k);
    else device.versions.set(k, r.version);
    if (r.deleted || !r.data) continue;
    const data = r.data as unknown as Record<string, unknown>;
    const patientId = r.kind === 'patient' ? r.id : (data.patientId as string | undefined);
    if ((r.kind === 'patient' || r.kind === 'careGap' || r.kind === 'contactPoint') && patientId && device.ownPatients.has(patientId)) {
      device.own.set(k, { kind: r.kind, id: r.id, patientId, version: r.version, data });
    }
  }
}

async function pullToEnd(http: TimedHttp, device: Device, label: string): Promise<number> {
  let received = 0;
  for (let page = 0; page < LOAD.maxPullPages; page++) {
    const res = await http.post<PullResponse>(
      label,
      '/api/sync/pull',
      { protocolVersion: PROTOCOL_VERSION, cursor: device.cursor, limit: PULL_PAGE_MAX },
      device.token,
    );
    if (!res) return received;
    applyPage(device, res.records);
    received += res.records.length;
    device.cursor = res.cursor;
    if (!res.hasMore) return received;
  }
  http.fail(`${label}: ${device.deviceId} still had more after ${LOAD.maxPullPages} pages`);
  return received;
}

/** The device's day: 30 signed notes and 100 field edits, numbered 1, 2, 3... as the outbox would. */
async function planDay(device: Device, dayStart: number): Promise<void> {
  let clock: HlcState = HLC_ZERO;
  let no = 0;
  const out: Mutation[] = [];
  const at = () => new Date().toISOString();
  const push = (m: Omit<Mutation, 'no' | 'mutationId' | 'hlc' | 'at'>) => {
    clock = tickHlc(clock, Date.now());
    out.push({ ...m, no: ++no, mutationId: randomUUID(), hlc: encodeHlc(clock, device.deviceId), at: at() });
    if (m.op === 'update' && m.kind !== 'note') {
      const k = key(m.kind, m.entityId);
      device.lastSent.set(k, { ...device.lastSent.get(k), ...m.values });
    }
  };
  const own = [...device.own.values()];
  const patients = own.filter((r) => r.kind === 'patient');
  const gaps = own.filter((r) => r.kind === 'careGap');
  const points = own.filter((r) => r.kind === 'contactPoint' && r.data.removed === false);
  if (patients.length === 0) throw new Error(`${device.deviceId} received none of its patients`);

  let edits = 0;
  const edit = () => {
    const j = edits++;
    const type = j % 4;
    const pool = type === 2 && gaps.length > 0 ? gaps : type === 3 && points.length > 0 ? points : patients;
    const rec = pool[Math.floor(j / 4) % pool.length] as OwnRecord;
    let values: Record<string, unknown>;
    if (rec.kind === 'careGap') {
      values = { status: rec.data.status === 'scheduled' ? 'open' : 'scheduled' };
    } else if (rec.kind === 'contactPoint') {
      values = { consent: rec.data.consent === 'granted' ? 'declined' : 'granted', consentAt: at(), consentBy: device.name };
    } else if (type % 2 === 0) {
      values = { bestTimeToCall: `Weekdays ${8 + (j % 9)}:00-${10 + (j % 9)}:00 (${device.deviceId} edit ${j})` };
    } else {
      values = { accessNotes: `Side door, ring twice; parking behind the pharmacy (${device.deviceId} edit ${j})` };
    }
    rec.data = { ...rec.data, ...values };
    push({ kind: rec.kind, entityId: rec.id, op: 'update', patientId: rec.patientId, baseVersion: rec.version, values });
  };

  const note = async (k: number) => {
    const patient = patients[k % patients.length] as OwnRecord;
    const contactAt = new Date(dayStart + k * 12 * 60_000).toISOString();
    const draft: ContactNote = draftNote({
      id: randomUUID(),
      patientId: patient.id,
      authorId: device.userId,
      authorName: device.name,
      contactAt,
      createdAt: at(),
      seed: device.index * 31 + k,
    });
    push({ kind: 'note', entityId: draft.id, op: 'create', patientId: patient.id, baseVersion: 0, values: { ...draft } });
    const signed = await signedNote(draft, at());
    push({
      kind: 'note',
      entityId: draft.id,
      op: 'update',
      patientId: patient.id,
      baseVersion: 0,
      values: { status: signed.status, signedAt: signed.signedAt, updatedAt: signed.updatedAt, contentHash: signed.contentHash },
    });
    device.notes.set(draft.id, signed.contentHash as string);
    patient.data = { ...patient.data, lastContactAt: contactAt };
    push({ kind: 'patient', entityId: patient.id, op: 'update', patientId: patient.id, baseVersion: patient.version, values: { lastContactAt: contactAt } });
  };

  // The day in order: ten rounds of ten edits and three notes.
  const rounds = 10;
  for (let r = 0; r < rounds; r++) {
    const editsNow = Math.round(((r + 1) * LOAD.editsPerDay) / rounds) - Math.round((r * LOAD.editsPerDay) / rounds);
    const notesNow = Math.round(((r + 1) * LOAD.notesPerDay) / rounds) - Math.round((r * LOAD.notesPerDay) / rounds);
    for (let i = 0; i < editsNow; i++) edit();
    for (let i = 0; i < notesNow; i++) await note(Math.round((r * LOAD.notesPerDay) / rounds) + i);
  }
  device.mutations = out;
}

/** Cuts the numbered changes into push bodies the way the app does: at most 200, 512 KiB. */
function batchesOf(mutations: readonly Mutation[]): Mutation[][] {
  const out: Mutation[][] = [];
  let batch: Mutation[] = [];
  let bytes = 0;
  for (const m of mutations) {
    const size = JSON.stringify(m).length;
    if (batch.length > 0 && (batch.length >= PUSH_BATCH_MAX || bytes + size > PUSH_BATCH_BYTES)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(m);
    bytes += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

export async function runLoadRun(log: (line: string) => void): Promise<LoadRunResult> {
  const n = LOAD.devices;
  let org: Awaited<ReturnType<typeof prepareOrg>> | undefined;
  log(`  preparing ${Math.ceil(n / LOAD.devicesPerTerritory)} territories, ${n} specialists…`);
  const server = await startServerProcess(async (db) => {
    org = await prepareOrg(db, n);
  });
  if (!org) throw new Error('organisation not prepared');
  const { users, byTerritory } = org;
  const http = new TimedHttp(server.url);
  const devices: Device[] = users.map((u, d) => {
    const territoryPatients = byTerritory.get(u.territoryId) ?? [];
    const slot = d % LOAD.devicesPerTerritory;
    return {
      index: d,
      deviceId: `load-device-${pad(d)}`,
      username: u.username,
      userId: u.id,
      name: u.name,
      territoryId: u.territoryId,
      ownPatients: new Set(territoryPatients.filter((_, i) => i % LOAD.devicesPerTerritory === slot)),
      token: '',
      cursor: null,
      versions: new Map(),
      own: new Map(),
      mutations: [],
      lastSent: new Map(),
      notes: new Map(),
    };
  });

  let peakRss = server.rssMiB();
  const sampler = setInterval(() => {
    const rss = server.rssMiB();
    if (rss !== null && (peakRss === null || rss > peakRss)) peakRss = rss;
  }, 250);
  const clientCpu0 = process.cpuUsage();
  const phase = async (label: string, fn: (d: Device) => Promise<void>) => {
    const cpu0 = server.cpuSeconds();
    const req0 = http.requests;
    const t0 = performance.now();
    await runPool(devices, LOAD.concurrency, Date.now() + LOAD.phaseLimitMs, fn);
    const wallMs = performance.now() - t0;
    const cpu1 = server.cpuSeconds();
    log(`  ${label}: ${(wallMs / 1000).toFixed(1)} s, ${http.requests - req0} requests, ${http.errorCount} errors so far`);
    return { wallMs, requests: http.requests - req0, serverCpuS: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null };
  };

  const results = { applied: 0, duplicate: 0, rejected: 0, conflicts: 0, rejections: [] as string[] };
  const syncPerDevice: number[] = [];
  let dayRecordsPulled = 0;
  let downloadRecords = 0;
  let catchUpRecords = 0;
  try {
    const signIn = await phase('sign-in', async (d) => {
      const res = await http.post<LoginResponse>('login', '/api/auth/login', { username: d.username, password: PASSWORD, deviceId: d.deviceId });
      if (res) d.token = res.accessToken;
    });
    const download = await phase('initial download', async (d) => {
      if (!d.token) return;
      const received = await pullToEnd(http, d, 'pull: initial download');
      downloadRecords += received;
    });

    // The day's work is written on the devices before the end-of-day sync; not timed.
    const dayStart = Date.now() - 8 * 3600_000;
    for (const d of devices) if (d.token) await planDay(d, dayStart);
    const dayMutations = devices.reduce((s, d) => s + d.mutations.length, 0);

    const day = await phase('end-of-day sync (push, then pull to the end)', async (d) => {
      if (!d.token) return;
      const t0 = performance.now();
      for (const batch of batchesOf(d.mutations)) {
        const res = await http.post<PushResponse>(
          'push',
          '/api/sync/push',
          { protocolVersion: PROTOCOL_VERSION, deviceId: d.deviceId, mutations: batch },
          d.token,
        );
        if (!res) return;
        const last = (batch.at(-1) as Mutation).no;
        if (res.gap || res.settledThrough !== last) http.fail(`push: ${d.deviceId} settled ${res.settledThrough} of ${last}, gap ${res.gap}`);
        for (const r of res.results) {
          if (r.status === 'applied') {
            results.applied += 1;
            results.conflicts += r.conflicts;
          } else if (r.status === 'duplicate') results.duplicate += 1;
          else {
            results.rejected += 1;
            if (results.rejections.length < 10) results.rejections.push(`${r.reason}: ${r.message}`);
          }
        }
      }
      const received = await pullToEnd(http, d, 'pull: after push');
      dayRecordsPulled += received;
      syncPerDevice.push(performance.now() - t0);
    });

    // Devices that finished early have not seen their colleagues' later work yet.
    const catchUp = await phase('catch-up pull', async (d) => {
      if (!d.token) return;
      const received = await pullToEnd(http, d, 'pull: catch-up');
      catchUpRecords += received;
    });
    clearInterval(sampler);
    const clientCpu = process.cpuUsage(clientCpu0);

    log('  stopping the server and checking its database…');
    await server.stop();
    const db = await server.openStoppedDb();
    let check: LoadRunResult['check'];
    try {
      check = await checkDatabase(db, devices);
    } finally {
      await db.close();
    }
    return {
      devices: n,
      territories: org.territories,
      patients: org.patients,
      concurrency: LOAD.concurrency,
      http,
      phases: { signIn, download, day, catchUp },
      dayMutations,
      dayRecordsPulled,
      downloadRecords,
      catchUpRecords,
      syncPerDevice,
      results,
      serverPeakRssMiB: peakRss,
      clientCpuS: (clientCpu.user + clientCpu.system) / 1e6,
      check,
    };
  } finally {
    clearInterval(sampler);
    await server.stop();
    server.remove();
  }
}

async function checkDatabase(db: Db, devices: readonly Device[]): Promise<LoadRunResult['check']> {
  // 1. Exactly once: every device's mark is the number of changes it sent.
  const marks = new Map(
    (await db.query<{ id: string; settled: number }>('select device_id as id, settled_through as settled from device_mutations')).map((r) => [
      r.id,
      Number(r.settled),
    ]),
  );
  const settledWrong: string[] = [];
  for (const d of devices) {
    const mark = marks.get(d.deviceId) ?? 0;
    if (mark !== d.mutations.length) settledWrong.push(`${d.deviceId}: settled ${mark}, sent ${d.mutations.length}`);
  }

  // 2. Every note there, signed, its hash the one it was signed with and true to its content.
  const expectedNotes = new Map(devices.flatMap((d) => [...d.notes]));
  const noteRows = await db.query<{ id: string; data: ContactNote }>(`select id, data from patient_records where kind = 'note'`);
  let notesFound = 0;
  let notesSignedIntact = 0;
  for (const row of noteRows) {
    const hash = expectedNotes.get(row.id);
    if (hash === undefined) continue;
    notesFound += 1;
    if (row.data.status === 'signed' && row.data.contentHash === hash && (await hashNoteContent(row.data)) === hash) notesSignedIntact += 1;
  }

  // 3. Every edited field holds the value its device sent last.
  const expected = new Map(devices.flatMap((d) => [...d.lastSent]));
  const stored = new Map<string, Record<string, unknown>>();
  const ids = (kind: string) => [...expected.keys()].filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
  for (const [kind, sql] of [
    ['patient', 'select id, data from patients where id = any($1::text[])'],
    ['careGap', 'select id, data from care_gaps where id = any($1::text[])'],
    ['contactPoint', `select id, data from patient_records where kind = 'contactPoint' and id = any($1::text[])`],
  ] as const) {
    for (const row of await db.query<{ id: string; data: Record<string, unknown> }>(sql, [ids(kind)])) stored.set(key(kind, row.id), row.data);
  }
  let fieldsExpected = 0;
  const fieldsLost: string[] = [];
  for (const [k, fields] of expected) {
    for (const [field, value] of Object.entries(fields)) {
      fieldsExpected += 1;
      const actual = stored.get(k)?.[field];
      if (JSON.stringify(actual) !== JSON.stringify(value)) fieldsLost.push(`${k}.${field}: ${JSON.stringify(actual)} ≠ sent ${JSON.stringify(value)}`);
    }
  }
  const [conflicts] = await db.query<{ n: number }>(`select count(*)::int as n from patient_records where kind = 'conflict'`);

  // 4. Convergence: each device holds exactly the server's records of its territory.
  const rows = await db.query<{ k: string; version: number; territory: string | null }>(
    `select 'patient:' || id as k, version, territory_id as territory from patients where not deleted
     union all select 'careGap:' || g.id, g.version, p.territory_id from care_gaps g join patients p on p.id = g.patient_id where not g.deleted
     union all select 'appointment:' || a.id, a.version, p.territory_id from appointments a join patients p on p.id = a.patient_id where not a.deleted
     union all select r.kind || ':' || r.id, r.version, p.territory_id from patient_records r join patients p on p.id = r.patient_id where not r.deleted
     union all select 'facility:' || id, version, null from facilities where not deleted`,
  );
  const byTerritory = new Map<string, Map<string, number>>();
  const shared = new Map<string, number>();
  for (const r of rows) {
    if (r.territory === null) shared.set(r.k, Number(r.version));
    else {
      const m = byTerritory.get(r.territory) ?? new Map<string, number>();
      m.set(r.k, Number(r.version));
      byTerritory.set(r.territory, m);
    }
  }
  let devicesConverged = 0;
  const divergence: string[] = [];
  for (const d of devices) {
    const want = new Map([...shared, ...(byTerritory.get(d.territoryId) ?? [])]);
    let same = want.size === d.versions.size;
    for (const [k, v] of want) {
      if (!same) break;
      if (d.versions.get(k) !== v) same = false;
    }
    if (same) devicesConverged += 1;
    else if (divergence.length < 5) divergence.push(`${d.deviceId}: ${d.versions.size} records on the device, ${want.size} on the server`);
  }

  return {
    settledOk: devices.length - settledWrong.length,
    settledWrong: settledWrong.slice(0, 5),
    notesExpected: expectedNotes.size,
    notesFound,
    notesSignedIntact,
    fieldsExpected,
    fieldsLost: fieldsLost.length,
    fieldsLostSamples: fieldsLost.slice(0, 5),
    conflictRecords: conflicts?.n ?? -1,
    devicesConverged,
    divergence,
  };
}
