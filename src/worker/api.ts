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
import type { RecordCodec } from '../storage/codec';
import { sealPlainRows } from '../storage/crypto/sealPlainRows';
import { hasSession } from '../storage/session';
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
import { createOfficeCalls } from '../sync/office';
import { changePasswordOnServer, type ChangePasswordFailure } from '../sync/changePassword';
import { syncNow } from '../sync/syncNow';
import { signIn } from '../sync/signIn';
import { endServerSession } from '../sync/signOut';
import type { DeviceLock, LockState } from './keys/deviceLock';
import { DEFAULT_LOCK_AFTER_MINUTES, PASSWORD_ATTEMPTS } from './keys/deviceLock';
import { createPlanning } from './planning';
import { createWatches } from './watch';

export type { LockState, LockStateName, UnlockResult } from './keys/deviceLock';

/**
 * A password change as the person sees it. `deviceUpdated`: the offline unlock now takes the
 * new password; false when the server changed it but this device's key could not be re-wrapped
 * (the previous password still opens the device offline until the next online sign-in).
 * `locked`: the device was locked; nothing was sent.
 */
export type ChangePasswordResult =
  | { readonly ok: true; readonly deviceUpdated: boolean }
  | ChangePasswordFailure
  | { readonly ok: false; readonly code: 'locked' };

export interface WorkerHooks {
  /** Called after every local write, so automatic sync can send it soon. */
  readonly onLocalChange?: () => void;
  /** Called when the data key is back (sign-in, password): pending work can go out now. */
  readonly onUnlock?: () => void;
}

/** Removes what the app's caches may hold beyond the built app itself (never API answers). */
async function dropCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  for (const name of await caches.keys()) {
    // The precache is the app's own files, needed to open offline for the next sign-in.
    if (!name.startsWith('workbox-precache')) await caches.delete(name);
  }
}

/**
 * `lock` is the device lock holding the data key (worker/keys/deviceLock.ts); storage then
 * seals with its codec. Without one (only tests of unrelated features), bodies pass through
 * the given codec and the device counts as unlocked whenever someone is signed in.
 */
export function createWorkerApi(given: SyncDeps, hooks: WorkerHooks = {}, lock: DeviceLock | null = null) {
  const deps: SyncDeps = lock ? { ...given, codec: lock.codec } : given;
  const changed = <T>(result: T): T => {
    hooks.onLocalChange?.();
    return result;
  };
  /** After the key came back: seal what an older version left in clear, then sync. */
  const unlocked = () => {
    void sealPlainRows(deps.db, deps.codec)
      .catch((e: unknown) => console.error(`sealing older rows stopped: ${e instanceof Error ? e.name : typeof e}`))
      .then(() => hooks.onUnlock?.());
  };
  const sync = async () => {
    // Without the key (waiting for the password) syncNow sends only the changes sealed for the
    // server and pulls nothing; the full sync follows the unlock.
    const res = await syncNow(deps);
    // A revoked device was wiped by syncNow; the key goes from memory too.
    if (!res.ok && res.code === 'device_revoked') await lock?.forget();
    return res;
  };
  const plainState = async (): Promise<LockState> => ({
    state: (await hasSession(deps.db)) ? 'unlocked' : 'signed_out',
    pinAttemptsLeft: 0,
    passwordAttemptsLeft: PASSWORD_ATTEMPTS,
    lockAfterMinutes: DEFAULT_LOCK_AFTER_MINUTES,
    wiped: false,
  });
  // Live reads for the UI (watch.ts) open bodies with the lock's read codec: only while the
  // device is unlocked (deviceLock.ts). Every change of the lock re-runs them: locked reads
  // answer `locked`, unlocked ones the data.
  const readCodec: RecordCodec = lock ? lock.readCodec : deps.codec;
  const watches = createWatches({ db: deps.db, codec: readCodec });
  // Without a lock the state follows the session alone; its subscribers hear of sign-in and
  // sign-out here (with a lock, the lock tells its own subscribers).
  const plainSubscribers = new Set<(state: LockState) => void>();
  const notifyPlain = async () => {
    if (lock) return;
    watches.refreshAll();
    const state = await plainState();
    for (const cb of plainSubscribers) cb(state);
  };
  lock?.subscribe((state) => {
    watches.refreshAll();
    // Unlocked: the first screen needs the session and then the whole territory; start both
    // reads now, so the roster finds them ready.
    if (state.state === 'unlocked') {
      watches.prefetch('session', [], 15_000);
      watches.prefetch('territory', [], 15_000);
    }
  });
  const planning = createPlanning({ db: deps.db, codec: deps.codec, newId: deps.newId, now: deps.now, clock: () => performance.now() });
  const commandDeps = async (): Promise<CommandDeps> => {
    // No unlock check: an autosave that was in flight when the lock came must still land
    // (the key is in memory while PIN-locked); without a key the codec refuses (Locked).
    return {
      db: deps.db,
      codec: deps.codec,
      now: deps.now,
      newId: deps.newId,
      // The device id is the clock's node id. Read each time: a wiped (revoked) device gets a
      // new id at its next sign-in, and stamps must carry the current one.
      nodeId: await ensureDeviceId(deps.db, deps.newId),
      today: () => localIsoDate(deps.now()),
    };
  };

  return {
    // Reads: the UI watches named reads (reads.ts); it never opens the database itself.
    watch: watches.watch,
    unwatch: watches.unwatch,
    refreshAll: watches.refreshAll,
    prefetch: watches.prefetch,

    /** Signs in, then downloads the territory; resolves when both are done or one failed. */
    async signIn(username: string, password: string) {
      const res = await signIn(deps, username, password, lock ?? undefined);
      if (!res.ok) return res;
      // The device key (res.deviceKey) stays in the worker: the UI never sees it.
      // The session is written after the key: only now does the state leave `signed_out`.
      await lock?.notify();
      if (lock) await sealPlainRows(deps.db, deps.codec);
      else await notifyPlain();
      // Administrators and supervisors work online in their consoles and keep no patients here.
      if (res.session.user.role !== 'specialist') return { ok: true as const, synced: null };
      const synced = await sync();
      return { ok: true as const, synced };
    },
    syncNow() {
      return sync();
    },

    // The lock (keys/deviceLock.ts). State changes reach subscribers (a Comlink proxy).
    lockState(): Promise<LockState> {
      return lock ? lock.state() : plainState();
    },
    async subscribeLock(cb: (state: LockState) => void): Promise<void> {
      if (lock) lock.subscribe(cb);
      else {
        plainSubscribers.add(cb);
        cb(await plainState());
      }
    },
    async setPin(pin: string) {
      return lock ? lock.setPin(pin) : ({ ok: false, code: 'locked' } as const);
    },
    async unlockWithPin(pin: string) {
      return lock ? lock.unlockWithPin(pin) : ({ ok: false, code: 'needs_password' } as const);
    },
    async unlockWithPassword(password: string) {
      if (!lock) return { ok: false, code: 'needs_password' } as const;
      const res = await lock.unlockWithPassword(password);
      if (res.ok) unlocked();
      return res;
    },
    async lock() {
      await lock?.lock();
    },
    /**
     * Changes the person's password on the server, then (only once the server said ok)
     * re-wraps the data key under the new one, so the offline unlock follows the server.
     */
    async changePassword(currentPassword: string, newPassword: string): Promise<ChangePasswordResult> {
      if (lock && !lock.isUnlocked()) return { ok: false, code: 'locked' };
      const res = await changePasswordOnServer(deps, currentPassword, newPassword);
      if (!res.ok) return res;
      if (!lock) return { ok: true, deviceUpdated: true };
      const rewrapped = await lock.rewrap(currentPassword, newPassword).catch((e: unknown) => {
        console.error(`re-wrapping the data key failed: ${e instanceof Error ? e.name : typeof e}`);
        return { ok: false } as const;
      });
      return { ok: true, deviceUpdated: rewrapped.ok };
    },
    /** A person's activity (throttled by the UI): postpones the inactivity lock. */
    touch() {
      lock?.touch();
    },
    /** What signing out would remove that the server does not have yet. */
    async signOutInfo() {
      const [unsynced, refused] = await Promise.all([deps.db.outbox.count(), deps.db.rejections.count()]);
      return { unsynced, refused };
    },
    /** Wipes the territory, the keys (stored and in memory) and the caches; refuses while changes are unsent. */
    async signOut() {
      // The server forgets the session first (best effort: offline it does not block), unless
      // unsynced changes will refuse the sign-out: they still need the session to be sent.
      if ((await deps.db.outbox.count()) === 0) await endServerSession(deps);
      const res = await deps.withSyncLock(() => clearLocalData(deps.db));
      if (res.ok) {
        await lock?.forget();
        await dropCaches().catch(() => undefined);
        await notifyPlain();
      }
      return res;
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
    setVisitMinutes: planning.setVisitMinutes,

    // The admin console (sync/admin.ts): online calls, nothing stored on the device.
    ...createAdminCalls(deps),

    // The supervisor's office (sync/office.ts): online calls, nothing stored on the device.
    ...createOfficeCalls(deps),
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
