/**
 * One large territory, two measurements against the real server process:
 *
 * - Initial download in headless Chromium with the real app: a 5,000-patient territory whose
 *   patients have 20,000 signed notes between them (written into the server's database before
 *   it starts), from pressing "Sign in" until the roster lists all 5,000 and "Last sync" shows.
 * - End-of-day sync of one day's work: a device (the real client storage and sync code on a
 *   real Dexie database, in Node on fake-indexeddb) downloads the territory, then a day's work
 *   is written through the app's own commands (30 notes started, filled in and signed; 100
 *   field edits), and `syncNow` (push everything, then pull to the end) is timed.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { chromium, type Page } from 'playwright-core';
import type { IsoDate } from '../../src/domain/ids';
import { plainCodec } from '../../src/storage/codec';
import type { CommandDeps } from '../../src/storage/commands/commandDeps';
import { saveDraft, signNoteCommand, startNote } from '../../src/storage/commands/notes';
import { updateRecord } from '../../src/storage/commands/records';
import { openRoundsDb } from '../../src/storage/db';
import { getMeta } from '../../src/storage/meta';
import { pendingCount } from '../../src/storage/outbox';
import { readRecord } from '../../src/storage/readRecords';
import { localLock, type SyncDeps } from '../../src/sync/deps';
import { pullTerritory } from '../../src/sync/pullTerritory';
import { signIn } from '../../src/sync/signIn';
import { syncNow } from '../../src/sync/syncNow';
import type { Db } from '../../server/src/db/db';
import type { Dataset, SeedUser } from '../../server/src/seed/dataset';
import { generateDataset } from '../../server/src/seed/generateDataset';
import { loadDataset } from '../../server/src/seed/loadDataset';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/chromium';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { draftNote, noteText, signedNote } from './workload';

export const TERRITORY = { patients: 5000, notes: 20_000, downloadRuns: 3, syncRuns: 5, notesPerDay: 30, editsPerDay: 100 } as const;

const NOTE_CHUNK = 1000;

/** 20,000 signed notes over the territory's patients, in one transaction, 1,000 per statement. */
async function insertNotes(db: Db, dataset: Dataset, author: SeedUser): Promise<void> {
  const patients = dataset.patients.filter((p) => p.territoryId === author.territoryIds[0]);
  const start = Date.now() - 2 * 365 * 24 * 3600_000;
  await db.transaction(async (tx) => {
    for (let from = 0; from < TERRITORY.notes; from += NOTE_CHUNK) {
      const chunk = [];
      for (let i = from; i < Math.min(TERRITORY.notes, from + NOTE_CHUNK); i++) {
        const at = new Date(start + i * 45 * 60_000).toISOString();
        const draft = draftNote({
          id: `note-seed-${i}`,
          patientId: (patients[i % patients.length] as Dataset['patients'][number]).id,
          authorId: author.id,
          authorName: author.name,
          contactAt: at,
          createdAt: at,
          seed: i,
        });
        chunk.push(await signedNote(draft, at));
      }
      await tx.query(
        `insert into patient_records (kind, id, patient_id, data)
         select 'note', e->>'id', e->>'patientId', e from jsonb_array_elements($1::jsonb) e`,
        [JSON.stringify(chunk)],
      );
    }
  });
}

export interface TerritoryServer {
  readonly server: ServerProcess;
  readonly dataset: Dataset;
  readonly user: SeedUser;
  readonly notesInTerritory: number;
}

export async function startTerritoryServer(): Promise<TerritoryServer> {
  const today = new Date().toISOString().slice(0, 10) as IsoDate;
  const dataset = generateDataset({ seed: 7, today, patientsPerTerritory: [TERRITORY.patients, 40, 40] });
  const user = dataset.users.find((u) => u.role === 'specialist' && u.territoryIds[0] === 'ter_north');
  if (!user) throw new Error('no specialist for the large territory');
  let notesInTerritory = 0;
  const server = await startServerProcess(async (db) => {
    await loadDataset(db, dataset);
    await insertNotes(db, dataset, user);
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from patient_records r join patients p on p.id = r.patient_id
        where r.kind = 'note' and p.territory_id = 'ter_north'`,
    );
    notesInTerritory = row?.n ?? 0;
  });
  return { server, dataset, user, notesInTerritory };
}

async function waitForFullRoster(page: Page): Promise<void> {
  await page.getByTestId('last-sync').filter({ hasText: 'Last sync' }).waitFor({ timeout: 120_000 });
  await page.getByTestId('results-count').filter({ hasText: 'of 5,000 patients' }).waitFor({ timeout: 120_000 });
}

export interface DownloadResult {
  readonly runs: number[];
  /** Per run: pull requests, and the sum of their times from sending to the last byte received. */
  readonly pulls: { requests: number; networkMs: number; waitMs: number }[];
  /** Notes in the browser's IndexedDB after the first run. */
  readonly notesOnDevice: number;
  readonly patientsOnDevice: number;
}

export async function measureInitialDownload(t: TerritoryServer, log: (line: string) => void): Promise<DownloadResult> {
  const executablePath = findChromium();
  const runs: number[] = [];
  const pulls: DownloadResult['pulls'] = [];
  let notesOnDevice = -1;
  let patientsOnDevice = -1;
  for (let i = 0; i < TERRITORY.downloadRuns; i++) {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const pull = { requests: 0, networkMs: 0, waitMs: 0 };
      // The worker's requests are reported on the page: how long each pull took on the wire.
      page.on('requestfinished', (req) => {
        if (!req.url().endsWith('/api/sync/pull')) return;
        const timing = req.timing();
        pull.requests += 1;
        pull.networkMs += timing.responseEnd;
        pull.waitMs += timing.responseStart - Math.max(0, timing.requestStart);
      });
      await page.goto(t.server.url);
      await page.getByLabel('Username').fill(t.user.username);
      await page.getByLabel('Password').fill(t.user.password);
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await waitForFullRoster(page);
      runs.push(Date.now() - t0);
      pulls.push(pull);
      log(`  download ${i + 1}/${TERRITORY.downloadRuns}: ${runs.at(-1)} ms (${pull.requests} pulls, ${pull.networkMs.toFixed(0)} ms of them on the wire)`);
      if (i === 0) {
        const counts = (await page.evaluate(`new Promise((ok, fail) => {
          const r = indexedDB.open('rounds');
          r.onerror = () => fail(r.error);
          r.onsuccess = () => {
            const tx = r.result.transaction(['notes', 'patients'], 'readonly');
            const notes = tx.objectStore('notes').count();
            const patients = tx.objectStore('patients').count();
            tx.oncomplete = () => { r.result.close(); ok([notes.result, patients.result]); };
            tx.onerror = () => fail(tx.error);
          };
        })`)) as [number, number];
        [notesOnDevice, patientsOnDevice] = counts;
      }
    } finally {
      await browser.close();
    }
  }
  return { runs, pulls, notesOnDevice, patientsOnDevice };
}

export interface EndOfDayRun {
  readonly syncMs: number;
  readonly downloadMs: number;
  readonly outbox: number;
  readonly sent: number;
  readonly rejected: number;
  readonly received: number;
  readonly pendingAfter: number;
}

const localToday = (): IsoDate => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}` as IsoDate;
};

/** One fresh device: sign in, download, write a day through the app's commands, time syncNow. */
async function endOfDayRun(t: TerritoryServer, run: number): Promise<EndOfDayRun> {
  const db = openRoundsDb(`bench-end-of-day-${run}-${randomUUID()}`);
  try {
    const deps: SyncDeps = {
      db,
      codec: plainCodec,
      fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(120_000) }),
      baseUrl: t.server.url,
      now: () => new Date(),
      newId: () => randomUUID(),
      withSyncLock: localLock(),
    };
    const signedIn = await signIn(deps, t.user.username, t.user.password);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.code}`);
    const d0 = performance.now();
    const pulled = await pullTerritory(deps);
    if (!pulled.ok) throw new Error(`download failed: ${pulled.code}`);
    const downloadMs = performance.now() - d0;

    const deviceId = await getMeta(db, 'deviceId');
    if (!deviceId) throw new Error('no device id');
    const cmd: CommandDeps = { db, codec: plainCodec, now: () => new Date(), newId: () => randomUUID(), nodeId: deviceId, today: localToday };
    // Ten patients of the territory, different ones each run.
    const patients = t.dataset.patients.filter((p) => p.territoryId === 'ter_north').slice(run * 10, run * 10 + 10);
    const gaps = t.dataset.careGaps.filter((g) => patients.some((p) => p.id === g.patientId));
    const points = t.dataset.contactPoints.filter((c) => patients.some((p) => p.id === c.patientId) && !c.removed);

    for (let k = 0; k < TERRITORY.notesPerDay; k++) {
      const patient = patients[k % patients.length] as (typeof patients)[number];
      const started = await startNote(cmd, { patientId: patient.id, mode: k % 2 === 0 ? 'home_visit' : 'phone_call' });
      if (!started.ok) throw new Error(`startNote: ${started.code}`);
      const filled = {
        ...started.note,
        outcome: 'reached' as const,
        durationMinutes: 15 + (k % 30),
        activities: [{ kind: 'education' as const, topic: 'Medicines', materialGiven: true, teachBack: 'yes' as const }],
      };
      // Autosaves as the person types: three of them, each replacing the unsent draft change.
      const text = noteText(run * 100 + k);
      for (const part of [text.slice(0, 120), text.slice(0, 260), text]) {
        const saved = await saveDraft(cmd, { ...filled, text: part });
        if (!saved.ok) throw new Error(`saveDraft: ${saved.code}`);
      }
      const signed = await signNoteCommand(cmd, started.note.id);
      if (!signed.ok) throw new Error(`signNote: ${signed.code}`);
    }
    for (let j = 0; j < TERRITORY.editsPerDay; j++) {
      const type = j % 4;
      const stamp = `${run}.${j}`;
      if (type === 2 && gaps.length > 0) {
        const gap = gaps[Math.floor(j / 4) % gaps.length] as (typeof gaps)[number];
        const now = await readRecord(db, plainCodec, 'careGap', gap.id);
        await updateRecord(cmd, 'careGap', gap.id, { status: now?.status === 'scheduled' ? 'open' : 'scheduled' });
      } else if (type === 3 && points.length > 0) {
        const point = points[Math.floor(j / 4) % points.length] as (typeof points)[number];
        const now = await readRecord(db, plainCodec, 'contactPoint', point.id);
        await updateRecord(cmd, 'contactPoint', point.id, {
          consent: now?.consent === 'granted' ? 'declined' : 'granted',
          consentAt: new Date().toISOString() as never,
          consentBy: t.user.name,
        });
      } else {
        const patient = patients[Math.floor(j / 4) % patients.length] as (typeof patients)[number];
        await updateRecord(
          cmd,
          'patient',
          patient.id,
          type % 2 === 0 ? { bestTimeToCall: `Weekdays after ${9 + (j % 8)}:00 (${stamp})` } : { accessNotes: `Side door, ring twice (${stamp})` },
        );
      }
    }

    const outbox = await pendingCount(db);
    const s0 = performance.now();
    const res = await syncNow(deps);
    const syncMs = performance.now() - s0;
    if (!res.ok) throw new Error(`syncNow failed: ${res.code}`);
    return { syncMs, downloadMs, outbox, sent: res.sent, rejected: res.rejected, received: res.received, pendingAfter: await pendingCount(db) };
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}

export async function measureEndOfDaySync(t: TerritoryServer, log: (line: string) => void): Promise<EndOfDayRun[]> {
  const runs: EndOfDayRun[] = [];
  for (let i = 0; i < TERRITORY.syncRuns; i++) {
    runs.push(await endOfDayRun(t, i));
    const r = runs.at(-1) as EndOfDayRun;
    log(`  end-of-day sync ${i + 1}/${TERRITORY.syncRuns}: ${r.syncMs.toFixed(0)} ms (${r.sent} sent, ${r.rejected} refused, ${r.received} received; download first ${(r.downloadMs / 1000).toFixed(1)} s)`);
  }
  return runs;
}
