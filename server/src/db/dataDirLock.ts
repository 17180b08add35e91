/**
 * A lock file next to the PGlite data directory. PGlite has no postmaster to refuse a second
 * process, and two processes writing the same files corrupt the database, so a second
 * `npm start` on the same DATA_DIR must stop before opening it.
 *
 * The file holds the owner's pid. A lock whose pid is no longer running is stale (the owner
 * crashed) and is taken over. Two processes taking over the same stale lock at the same
 * instant could both win; that needs a crash followed by two simultaneous starts, and is
 * accepted.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export type DataDirLock = { ok: true; release: () => void } | { ok: false; code: 'in_use'; pid: number };

export function lockDataDir(lockPath: string): DataDirLock {
  if (!tryCreate(lockPath)) {
    const owner = readOwner(lockPath);
    if (owner !== null && owner !== process.pid && isRunning(owner)) {
      return { ok: false, code: 'in_use', pid: owner };
    }
    rmSync(lockPath, { force: true });
    if (!tryCreate(lockPath)) {
      return { ok: false, code: 'in_use', pid: readOwner(lockPath) ?? 0 };
    }
  }
  return { ok: true, release: () => rmSync(lockPath, { force: true }) };
}

function tryCreate(lockPath: string): boolean {
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
