/**
 * Shared pieces of the sync benchmarks: realistic contact notes (valid for the server's schema,
 * sealed with the client's own hash), a bounded worker pool, and an HTTP client that times
 * every request and counts every failure.
 */
import type { ContactMode, ContactNote } from '../../src/domain/contactNote';
import { CONTACT_MODES } from '../../src/domain/contactNote';
import type { IsoDateTime, NoteId, PatientId, UserId } from '../../src/domain/ids';
import { hashNoteContent } from '../../src/storage/hashNote';

const TOPICS = ['Medicines', 'Blood pressure log', 'Diabetic eye exam', 'Fall prevention', 'Portal sign-in', 'Low-salt diet'];
const SENTENCES = [
  'Met the patient at home; daughter present for most of the visit.',
  'Reviewed the medicine list against the bottles on the kitchen table.',
  'Patient repeated the plan back correctly and knows whom to call.',
  'Blood pressure readings from the cuff look steady over the past week.',
  'Discussed the overdue eye exam; patient agreed to book it this month.',
  'No new concerns reported; will check in again after the appointment.',
  'Explained how to read the appointment letter and where the clinic is.',
  'Left printed material in Spanish and English on the fridge.',
];

/** About 400 characters of plausible note text, different for each `seed`. */
export function noteText(seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < 6; i++) out.push(SENTENCES[(seed * 7 + i * 3) % SENTENCES.length] as string);
  return out.join(' ');
}

export function contactMode(k: number): ContactMode {
  return CONTACT_MODES[k % 2 === 0 ? 0 : 3] as ContactMode;
}

/** A complete draft (outcome, duration, an education activity, text), not yet signed. */
export function draftNote(input: {
  id: string;
  patientId: string;
  authorId: string;
  authorName: string;
  contactAt: string;
  createdAt: string;
  seed: number;
}): ContactNote {
  return {
    id: input.id as NoteId,
    patientId: input.patientId as PatientId,
    authorId: input.authorId as UserId,
    authorName: input.authorName,
    status: 'draft',
    mode: contactMode(input.seed),
    contactAt: input.contactAt as IsoDateTime,
    durationMinutes: 10 + (input.seed % 35),
    outcome: 'reached',
    activities: [
      { kind: 'education', topic: TOPICS[input.seed % TOPICS.length] as string, materialGiven: input.seed % 3 === 0, teachBack: 'yes' },
    ],
    text: noteText(input.seed),
    followUps: [],
    escalation: null,
    createdAt: input.createdAt as IsoDateTime,
    updatedAt: input.createdAt as IsoDateTime,
    signedAt: null,
    fromTaskId: null,
    contentHash: null,
    enteredInError: null,
  };
}

/** The note signed at `at`, sealed with the client's hash of its content. */
export async function signedNote(draft: ContactNote, at: string): Promise<ContactNote> {
  return {
    ...draft,
    status: 'signed',
    signedAt: at as IsoDateTime,
    updatedAt: at as IsoDateTime,
    contentHash: await hashNoteContent(draft),
  };
}

/** Runs `fn` over `items`, at most `concurrency` at a time; gives up past `deadline` (ms epoch). */
export async function runPool<T>(items: readonly T[], concurrency: number, deadline: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      if (Date.now() > deadline) throw new Error('benchmark phase ran past its time limit');
      const i = next++;
      await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Posts JSON, times each request from send to parsed body, and keeps every failure. */
export class TimedHttp {
  readonly latencies = new Map<string, number[]>();
  /** The first few failures, word for word; `errorCount` counts them all. */
  readonly errors: string[] = [];
  errorCount = 0;
  requests = 0;
  bytesIn = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async post<T>(label: string, path: string, body: unknown, token?: string): Promise<T | null> {
    this.requests += 1;
    const t0 = performance.now();
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      const ms = performance.now() - t0;
      this.bytesIn += text.length;
      if (!res.ok) {
        this.fail(`${label}: HTTP ${res.status} ${text.slice(0, 200)}`);
        return null;
      }
      this.record(label, ms);
      return JSON.parse(text) as T;
    } catch (e) {
      this.fail(`${label}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  /** A failure found by the caller (a response that says something went wrong). */
  fail(message: string): void {
    this.errorCount += 1;
    if (this.errors.length < 20) this.errors.push(message);
  }

  record(label: string, ms: number): void {
    const list = this.latencies.get(label) ?? [];
    list.push(ms);
    this.latencies.set(label, list);
  }

  of(label: string): number[] {
    return this.latencies.get(label) ?? [];
  }
}
