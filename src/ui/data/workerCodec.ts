/**
 * The UI's codec while it still reads the device database itself: it never holds a key; sealed
 * bodies go to the worker to be opened (only while the device is unlocked), gathered into one
 * call per tick so a roster of thousands is one round trip. Plain bodies (older databases)
 * pass as they are. The UI writes nothing, so it seals nothing.
 */
import { isSealed } from '../../storage/crypto/aesGcmCodec';
import type { RecordCodec } from '../../storage/codec';
import type { WorkerClient } from '../../worker/client';

interface Waiting {
  readonly body: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export function workerCodec(worker: Pick<WorkerClient, 'openSealed'>): RecordCodec {
  let waiting: Waiting[] = [];
  const flush = async () => {
    const batch = waiting;
    waiting = [];
    try {
      const opened = await worker.openSealed(batch.map((w) => w.body));
      batch.forEach((w, i) => w.resolve(opened[i]));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };
  return {
    name: 'worker',
    seal: () => Promise.reject(new Error('the UI never seals: every write goes through the worker')),
    open: <T>(body: unknown) => {
      if (!isSealed(body)) return Promise.resolve(body as T);
      return new Promise<T>((resolve, reject) => {
        waiting.push({ body, resolve: resolve as (v: unknown) => void, reject });
        if (waiting.length === 1) queueMicrotask(() => void flush());
      });
    },
  };
}
