/**
 * The sync model test (issue 4): three devices with real Dexie databases and the real sync
 * code, the real server on embedded PostgreSQL, random edits, offline periods and network
 * faults (request dropped, response lost after the server committed, request duplicated,
 * request held back and delivered after later ones, tab killed mid-sync and reopened), and the
 * office (a supervisor) editing patients and deleting contact points and caregivers at the
 * same time. Devices act through the storage commands the screens call: field edits, notes
 * autosaved one field at a time and signed (validation may stop a Sign), "entered in error",
 * conflicts kept or restored; and people go on working while a device is between its push
 * and its pull. After everyone syncs in calm conditions, the invariants of docs/SYNC.md must
 * hold, among them that every edit is on its record, kept as a conflict's loser, knowingly
 * replaced, or refused and shown (modelOracle.ts); that every field typed in a note reached
 * the server; and that what each device shows, read the way the screens read it, is what the
 * server holds, field by field (modelShown.ts). The seed is printed; a failing seed becomes a
 * named test below.
 *
 * Commands and runs: tests/support/sync/modelProgram.ts; checks: modelChecks.ts.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkQuiet } from '../support/sync/modelChecks';
import { ModelOffice } from '../support/sync/modelOffice';
import { CLIENTS, programs, quiesce, startRun, step, type Command, type ModelWorld } from '../support/sync/modelProgram';
import { startModelServer } from '../support/sync/modelServer';
import { testDbKinds } from '../../server/test/testDb';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const numRuns = Number(process.env.SYNC_MODEL_RUNS ?? 200);
const kinds = testDbKinds();

let last = 0;
// Close to the server's own clock, so no stamp is clamped (S19), and strictly increasing.
const clock = { now: () => new Date((last = Math.max(Date.now(), last + 1))) };
let world: ModelWorld | undefined;

async function runProgram(commands: readonly Command[]): Promise<void> {
  if (!world) throw new Error('the model server is not running');
  const r = await startRun(world, commands);
  try {
    for (const cmd of commands) await step(r, cmd);
    await quiesce(r);
    await checkQuiet(r);
  } finally {
    for (const client of r.clients) await client.destroy();
  }
}

describe.each(kinds)('sync model on %s', (kind) => {
  beforeAll(async () => {
    const server = await startModelServer(kind);
    // The office's app stays open from one run to the next, as it would all day.
    const officeDevice = `model-office-${kind}`;
    const lead = await server.leadSession('admin', officeDevice);
    const office = new ModelOffice(officeDevice, server.urls[CLIENTS % server.urls.length]!, lead.token, clock);
    world = { server, office, clock, runs: 0 };
  }, 120_000);
  afterAll(async () => {
    await world?.server.close();
    world = undefined;
  });

  it(`[S1-S16] three devices and the office with faults converge and lose nothing (seed ${seed}, ${numRuns} runs)`, async () => {
    console.log(`sync model seed: ${seed} (rerun with FC_SEED=${seed})`);
    await fc.assert(fc.asyncProperty(programs, runProgram), { seed, numRuns, endOnFailure: true });
  }, 1_200_000);

  // Found by seed 80402435: the autosave replaced the unsent create, and the server was then
  // asked to update a note it had never seen.
  it('[S3] a draft started and autosaved before its first push is created on the server', async () => {
    await runProgram([
      { t: 'note', c: 1, p: 2, sign: false },
      { t: 'sync', c: 1, fault: 'none', nth: 1 },
    ]);
  }, 60_000);

  it('[S9] two devices editing one field offline: the later stamp wins everywhere', async () => {
    await runProgram([
      { t: 'offline', c: 0, on: true },
      { t: 'offline', c: 1, on: true },
      { t: 'edit', c: 0, p: 0, field: 'accessNotes', value: 'Ring twice' },
      { t: 'edit', c: 1, p: 0, field: 'accessNotes', value: 'Weekends' },
      { t: 'offline', c: 0, on: false },
      { t: 'sync', c: 0, fault: 'none', nth: 1 },
      { t: 'offline', c: 1, on: false },
      { t: 'sync', c: 1, fault: 'lose', nth: 1 },
    ]);
  }, 60_000);

  it('[S5][S14] an old push and an old pull delivered after the device resent and moved on change nothing', async () => {
    await runProgram([
      { t: 'edit', c: 0, p: 0, field: 'accessNotes', value: 'Ring twice' },
      { t: 'sync', c: 0, fault: 'delay', nth: 1 },
      { t: 'sync', c: 1, fault: 'delay', nth: 1 },
      { t: 'sync', c: 0, fault: 'none', nth: 1 },
      { t: 'edit', c: 0, p: 0, field: 'accessNotes', value: 'Weekends' },
      { t: 'sync', c: 0, fault: 'none', nth: 1 },
      { t: 'sync', c: 1, fault: 'none', nth: 1 },
      { t: 'release', c: 0, duringSync: false },
      { t: 'release', c: 1, duringSync: false },
    ]);
  }, 60_000);

  // Found by seed 2 (its 94th program) before the server kept refusals for resends: the
  // refusal of a change to a deleted record went to a request whose answer was lost (or that
  // was held back and delivered late); the resend was answered `duplicate`, and the device
  // dropped the change without telling anyone. The oracle accepts such an edit only as a
  // rejection on the device.
  it('[S7][S12] a change to a deleted record is refused and shown even when the first refusal never arrived', async () => {
    await runProgram([
      { t: 'officeDelete', p: 0, kind: 'contactPoint', k: 1 },
      { t: 'consent', c: 0, p: 0, k: 1, consent: 'granted' },
      { t: 'consent', c: 2, p: 0, k: 1, consent: 'declined' },
      { t: 'sync', c: 0, fault: 'lose', nth: 1 },
      { t: 'sync', c: 2, fault: 'delay', nth: 1 },
      { t: 'release', c: 2, duringSync: false },
    ]);
  }, 60_000);

  it('[S12] the office deletes a caregiver while another device changes it: refused as deleted, never back', async () => {
    await runProgram([
      { t: 'caregiver', c: 0, p: 0 },
      { t: 'sync', c: 0, fault: 'none', nth: 1 },
      { t: 'sync', c: 1, fault: 'none', nth: 1 },
      { t: 'officeDelete', p: 0, kind: 'caregiver', k: 0 },
      { t: 'caregiverPhone', c: 1, p: 0, k: 0 },
      { t: 'sync', c: 1, fault: 'duplicate', nth: 1 },
      { t: 'caregiverPhone', c: 0, p: 0, k: 0 },
    ]);
  }, 60_000);

  it('[S9] the office and a device offline edit one field: one value wins, the other is kept as a conflict', async () => {
    await runProgram([
      { t: 'offline', c: 1, on: true },
      { t: 'edit', c: 1, p: 0, field: 'bestTimeToCall', value: 'Weekends' },
      { t: 'officeEdit', p: 0, field: 'bestTimeToCall', value: 'Mornings' },
      { t: 'edit', c: 0, p: 0, field: 'bestTimeToCall', value: 'After 2 pm' },
      { t: 'sync', c: 0, fault: 'none', nth: 1 },
      { t: 'officeEdit', p: 0, field: 'bestTimeToCall', value: 'Ring twice' },
    ]);
  }, 60_000);

  it('[S16] a patient moved away while a device works offline: its work lands, then the patient leaves every device', async () => {
    await runProgram([
      { t: 'offline', c: 0, on: true },
      { t: 'note', c: 0, p: 1, sign: true },
      { t: 'edit', c: 0, p: 1, field: 'accessNotes', value: 'Ring twice' },
      { t: 'officeMove', p: 1 },
      { t: 'sync', c: 1, fault: 'none', nth: 1 },
      { t: 'edit', c: 1, p: 1, field: 'accessNotes', value: 'Weekends' },
      { t: 'offline', c: 0, on: false },
      { t: 'sync', c: 0, fault: 'lose', nth: 1 },
      { t: 'sync', c: 0, fault: 'none', nth: 1 },
    ]);
  }, 60_000);

  // Found by seed 87866139: a device told of the exit evicted the patient, and the model then
  // started a note for it there, which no screen allows (startNote now refuses it too).
  it('[S16] nothing is started on a patient the device has already let go', async () => {
    await runProgram([
      { t: 'sync', c: 1, fault: 'none', nth: 3 },
      { t: 'officeMove', p: 0 },
      { t: 'sync', c: 1, fault: 'delay', nth: 2 },
      { t: 'note', c: 1, p: 0, sign: false },
      { t: 'caregiver', c: 1, p: 0 },
    ]);
  }, 60_000);

  it('[S16] a patient moved away and back returns to the devices with everything it owns', async () => {
    await runProgram([
      { t: 'caregiver', c: 2, p: 0 },
      { t: 'syncAll' },
      { t: 'officeMove', p: 0 },
      { t: 'syncAll' },
      { t: 'officeMove', p: 0 },
      { t: 'consent', c: 2, p: 0, k: 0, consent: 'granted' },
    ]);
  }, 60_000);

  // Issue 9: the note screen autosaves one field at a time. Once the draft's create had gone,
  // each autosave replaced the last unsent one with only its own field, so the server never
  // got the outcome or the text, refused the sign (contentHash does not match), and the note
  // came back as a draft without its text.
  it('[S3] sign after a failed sign: every field autosaved one at a time reaches the server, and the note is signed', async () => {
    await runProgram([
      { t: 'noteStart', c: 0, p: 1 },
      { t: 'sync', c: 0, fault: 'none', nth: 1 },
      { t: 'noteField', c: 0, k: 0, field: 'outcome' },
      { t: 'noteField', c: 0, k: 0, field: 'text' },
      { t: 'noteField', c: 0, k: 0, field: 'urgent' },
      { t: 'noteSign', c: 0, k: 0 },
      { t: 'noteField', c: 0, k: 0, field: 'reason' },
      { t: 'noteSign', c: 0, k: 0 },
    ]);
  }, 60_000);

  // Issue 9: B's edit was older than A's but still unsent when B's pull brought A's; S15 laid
  // B's edit over it, B's push then lost, and no new version ever told B: it showed its losing
  // value for good.
  it("[S9a][S15] a device whose pending edit loses after its pull brought the winner shows the server's value", async () => {
    await runProgram([
      {
        t: 'whileSyncing',
        c: 1,
        during: [
          { t: 'edit', c: 1, p: 0, field: 'accessNotes', value: 'Weekends' },
          { t: 'edit', c: 0, p: 0, field: 'accessNotes', value: 'Ring twice' },
          { t: 'sync', c: 0, fault: 'none', nth: 1 },
        ],
      },
      { t: 'sync', c: 1, fault: 'none', nth: 1 },
    ]);
  }, 60_000);

  // Found by seed 930481547 (its 113th program): a second edit made while the first waited was
  // based on the version the pull had laid the first over, so it overwrote the office's later
  // value as if the person had seen it, and no conflict kept that value.
  it('[S9][S15] an edit made while an earlier one waits never overwrites, unseen, a value that arrived under it', async () => {
    await runProgram([
      {
        t: 'whileSyncing',
        c: 2,
        during: [
          { t: 'edit', c: 2, p: 0, field: 'bestTimeToCall', value: 'Weekends' },
          { t: 'officeEdit', p: 0, field: 'bestTimeToCall', value: 'Mornings' },
        ],
      },
      { t: 'edit', c: 2, p: 0, field: 'bestTimeToCall', value: 'Weekends, after 2' },
      { t: 'sync', c: 2, fault: 'none', nth: 1 },
    ]);
  }, 60_000);

  it('[S9a][S9b] "restore mine" on the device that lost sends the restored value, and it wins everywhere', async () => {
    await runProgram([
      {
        t: 'whileSyncing',
        c: 1,
        during: [
          { t: 'edit', c: 1, p: 0, field: 'bestTimeToCall', value: 'Weekends' },
          { t: 'edit', c: 0, p: 0, field: 'bestTimeToCall', value: 'Mornings' },
          { t: 'sync', c: 0, fault: 'none', nth: 1 },
        ],
      },
      { t: 'sync', c: 1, fault: 'none', nth: 1 },
      { t: 'resolve', c: 1, k: 0, choice: 'restore_mine' },
      { t: 'sync', c: 1, fault: 'none', nth: 1 },
      { t: 'sync', c: 0, fault: 'none', nth: 1 },
    ]);
  }, 60_000);

  // Two people mark one signed note "entered in error"; the later mark reaches the server
  // second and is refused (S10). The device that made it had already pulled the first mark
  // under its own, and kept showing its own reason.
  it('[S7a][S10] a refused change is undone on the device, which shows the server\'s value, and kept whole with its refusal', async () => {
    await runProgram([
      { t: 'note', c: 0, p: 1, sign: true },
      { t: 'sync', c: 0, fault: 'none', nth: 1 },
      { t: 'sync', c: 1, fault: 'none', nth: 1 },
      {
        t: 'whileSyncing',
        c: 1,
        during: [
          { t: 'noteError', c: 1, k: 0 },
          { t: 'noteError', c: 0, k: 0 },
          { t: 'sync', c: 0, fault: 'none', nth: 1 },
        ],
      },
      { t: 'sync', c: 1, fault: 'none', nth: 1 },
    ]);
  }, 60_000);

  it('[S5][S6] a tab killed during a push with a signed note loses and duplicates nothing', async () => {
    await runProgram([
      { t: 'note', c: 2, p: 1, sign: true },
      { t: 'caregiver', c: 2, p: 1 },
      { t: 'sync', c: 2, fault: 'kill', nth: 1 },
      { t: 'sync', c: 2, fault: 'duplicate', nth: 1 },
    ]);
  }, 60_000);
});
