/**
 * What the worker offers the UI. The UI's type for it is derived from this implementation
 * (`WorkerApi`), so the two cannot drift apart. Every write a person makes passes through
 * here into storage commands (change + outbox row in one transaction).
 */
import type { AppointmentStatus } from '../domain/appointment';
import type { ContactNote } from '../domain/contactNote';
import type { EntityTypes } from '../domain/entities';
import { localIsoDate } from '../domain/calendar';
import { clearLocalData } from '../storage/clearLocalData';
import type { CommandDeps } from '../storage/commands/commandDeps';
import { recordAttempt } from '../storage/commands/attempts';
import { addAddendum, discardDraft, enterNoteInError, openVisitNote, saveDraft, signNoteCommand, startNote } from '../storage/commands/notes';
import {
  changeAddress,
  changeContactValue,
  recordConsent,
  setReferralStatus,
  updateCareGap,
  updateCaregiver,
} from '../storage/commands/contactRecord';
import { saveRecord, setAppointmentStatus, updateRecord, type EditableKind } from '../storage/commands/records';
import { ensureDeviceId } from '../storage/meta';
import type { SyncDeps } from '../sync/deps';
import { resolveConflict } from '../storage/commands/conflicts';
import { dismissRefusal, redoRefusal } from '../storage/commands/refusals';
import { createAdminCalls } from '../sync/admin';
import { syncNow } from '../sync/syncNow';
import { signIn } from '../sync/signIn';
import { endServerSession } from '../sync/signOut';
import { createPlanning } from './planning';
import { createWatches } from './watch';

export interface WorkerHooks {
  /** Called after every local write, so automatic sync can send it soon. */
  readonly onLocalChange?: () => void;
}

export function createWorkerApi(deps: SyncDeps, hooks: WorkerHooks = {}) {
  const changed = <T>(result: T): T => {
    hooks.onLocalChange?.();
    return result;
  };
  // Live reads for the UI (watch.ts): decoded here, with the worker's codec, and only then sent.
  const watches = createWatches({ db: deps.db, codec: deps.codec });
  const planning = createPlanning({ db: deps.db, codec: deps.codec, newId: deps.newId, now: deps.now, clock: () => performance.now() });
  const commandDeps = async (): Promise<CommandDeps> => ({
    db: deps.db,
    codec: deps.codec,
    now: deps.now,
    newId: deps.newId,
    // The device id is the clock's node id. Read each time: a wiped (revoked) device gets a
    // new id at its next sign-in, and stamps must carry the current one.
    nodeId: await ensureDeviceId(deps.db, deps.newId),
    today: () => localIsoDate(deps.now()),
  });

  return {
    // Reads: the UI watches named reads (reads.ts); it never opens the database itself.
    watch: watches.watch,
    unwatch: watches.unwatch,
    refreshAll: watches.refreshAll,
    prefetch: watches.prefetch,

    /** Signs in, then downloads the territory; resolves when both are done or one failed. */
    async signIn(username: string, password: string) {
      const res = await signIn(deps, username, password);
      if (!res.ok) return res;
      // The device key (res.deviceKey) stays in the worker: the UI never sees it.
      // An administrator works online in the admin console and keeps no patients here.
      if (res.session.user.role === 'admin') return { ok: true as const, synced: null };
      const synced = await syncNow(deps);
      return { ok: true as const, synced };
    },
    syncNow() {
      return syncNow(deps);
    },
    async signOut() {
      // The server forgets the session first (best effort: offline it does not block), unless
      // unsynced changes will refuse the sign-out: they still need the session to be sent.
      if ((await deps.db.outbox.count()) === 0) await endServerSession(deps);
      return deps.withSyncLock(() => clearLocalData(deps.db));
    },

    async startNote(input: Parameters<typeof startNote>[1]) {
      return changed(await startNote(await commandDeps(), input));
    },
    async openVisitNote(input: Parameters<typeof openVisitNote>[1]) {
      return changed(await openVisitNote(await commandDeps(), input));
    },
    /** "Not home" or "no answer": a short attempt note, signed at once. */
    async recordAttempt(input: Parameters<typeof recordAttempt>[1]) {
      return changed(await recordAttempt(await commandDeps(), input));
    },
    async saveDraft(note: ContactNote) {
      return changed(await saveDraft(await commandDeps(), note));
    },
    async discardDraft(noteId: string) {
      return changed(await discardDraft(await commandDeps(), noteId));
    },
    async signNote(noteId: string) {
      return changed(await signNoteCommand(await commandDeps(), noteId));
    },
    async addAddendum(noteId: string, text: string) {
      return changed(await addAddendum(await commandDeps(), noteId, text));
    },
    async enterNoteInError(noteId: string, reason: string) {
      return changed(await enterNoteInError(await commandDeps(), noteId, reason));
    },
    async saveRecord<K extends EditableKind>(kind: K, value: EntityTypes[K]) {
      return changed(await saveRecord(await commandDeps(), kind, value));
    },
    async updateRecord<K extends EditableKind>(kind: K, id: string, patch: Partial<EntityTypes[K]>) {
      return changed(await updateRecord(await commandDeps(), kind, id, patch));
    },
    // The contact record (storage/commands/contactRecord.ts).
    async recordConsent(input: Parameters<typeof recordConsent>[1]) {
      return changed(await recordConsent(await commandDeps(), input));
    },
    async changeContactValue(contactPointId: string, value: string) {
      return changed(await changeContactValue(await commandDeps(), contactPointId, value));
    },
    async changeAddress(patientId: string, address: Parameters<typeof changeAddress>[2]) {
      return changed(await changeAddress(await commandDeps(), patientId, address));
    },
    async updateCaregiver(caregiverId: string, input: Parameters<typeof updateCaregiver>[2]) {
      return changed(await updateCaregiver(await commandDeps(), caregiverId, input));
    },
    async setReferralStatus(referralId: string, status: Parameters<typeof setReferralStatus>[2]) {
      return changed(await setReferralStatus(await commandDeps(), referralId, status));
    },
    async updateCareGap(gapId: string, input: Parameters<typeof updateCareGap>[2]) {
      return changed(await updateCareGap(await commandDeps(), gapId, input));
    },
    async resolveConflict(conflictId: string, choice: 'keep_theirs' | 'restore_mine') {
      return changed(await resolveConflict(await commandDeps(), conflictId, choice));
    },
    async redoRefusal(seq: number) {
      return changed(await redoRefusal(await commandDeps(), seq));
    },
    async dismissRefusal(seq: number) {
      return dismissRefusal(await commandDeps(), seq);
    },
    async setAppointmentStatus(appointmentId: string, status: AppointmentStatus) {
      return changed(await setAppointmentStatus(await commandDeps(), appointmentId, status));
    },

    // The day planner (planning.ts): searches run here, off the UI thread; plans are device-local.
    planDay: planning.planDay,
    replanDay: planning.replanDay,
    planMyDay: planning.planMyDay,
    recordDayAction: planning.recordDayAction,

    // The admin console (sync/admin.ts): online calls, nothing stored on the device.
    ...createAdminCalls(deps),
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
