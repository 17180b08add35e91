/**
 * The web worker entry: wires the real browser dependencies into the worker API and exposes
 * it with Comlink. Network and database work happens here, off the UI thread.
 */
import { expose } from 'comlink';
import { plainCodec } from '../storage/codec';
import { openRoundsDb } from '../storage/db';
import { localLock } from '../sync/deps';
import { createWorkerApi } from './api';

const SYNC_LOCK = 'rounds-sync';
const fallbackLock = localLock();

// Web Locks make the lock device-wide: two tabs (two workers) never sync at once.
const withSyncLock = <T>(fn: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && 'locks' in navigator
    ? (navigator.locks.request(SYNC_LOCK, fn) as Promise<T>)
    : fallbackLock(fn);

expose(
  createWorkerApi({
    db: openRoundsDb(),
    codec: plainCodec,
    fetch: (input, init) => fetch(input, init),
    baseUrl: '',
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    withSyncLock,
  }),
);
