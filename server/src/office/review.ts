/**
 * The office's note review (issue #11, "Review"): a supervisor lists the signed notes of their
 * team in a range of days, reads one in full with its addenda, and adds a review addendum
 * (optionally co-signing the note). Allowed by `authorize(actor, 'note.review', ...)`:
 * supervisors only, for the patients of their team's territories (the patient's territory now,
 * as for every other patient right). A note outside that scope, a draft (its author's alone),
 * or another organisation's note is "not found", so its existence is not revealed.
 *
 * Reading is audited: the list records a `read` of each patient it names, as pull does; one
 * note records a `read` of that note. The review is an addendum record written through
 * writeRecord (versioned, audited, author = the supervisor's session, never the request), so
 * the author's device pulls it on its next sync (SYNC.md T7). The note itself never changes.
 * Knows nothing of HTTP; routes/officeReview.ts turns outcomes into responses.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { encodeHlc } from '../../../src/domain/hlc';
import { reviewRefusal } from '../../../src/domain/noteReview';
import { addendumSchema, contactNoteSchema } from '../../../src/protocol/noteSchemas';
import {
  REVIEW_SUMMARY_CHARS,
  type ReviewListQuery,
  type ReviewListResponse,
  type ReviewNoteResponse,
  type ReviewNoteSummary,
  type ReviewRequest,
  type ReviewResponse,
} from '../../../src/protocol/officeReview';
import { recordAudit } from '../audit/recordAudit';
import { authorize, type Actor } from '../auth/policy';
import { stampFields } from '../changes/fieldMerge';
import { lockRecord, nextVersion, readPatientScope, type RecordKey } from '../changes/recordRows';
import { authorFromSession, createRecord } from '../changes/writeRecord';
import type { Db } from '../db/db';
import type { OfficeOutcome, OfficeRequest } from './escalations';

/** Notes and addenda as the wire carries them (unbranded ids). */
type ContactNote = z.infer<typeof contactNoteSchema>;
type Addendum = z.infer<typeof addendumSchema>;

const NOT_FOUND = { ok: false, code: 'not_found', message: 'No such signed note in your team' } as const;
/** The node id of the office's field stamps: no device's, so a stamp tells where it came from. */
const OFFICE_NODE = 'office';

/** Null when the actor may review notes at all; otherwise why not (403). */
export function reviewRefusalOf(actor: Actor): OfficeOutcome<never> | null {
  const decision = authorize(actor, 'note.review', { type: 'org', orgId: actor.orgId });
  return decision.allowed ? null : { ok: false, code: decision.code, message: decision.message };
}

interface SummaryRow {
  readonly id: string;
  readonly patientId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly authorId: string;
  readonly authorName: string | null;
  readonly contactAt: string;
  readonly mode: ReviewNoteSummary['mode'];
  readonly outcome: ReviewNoteSummary['outcome'];
  readonly summary: string | null;
  readonly textLength: number | null;
  readonly reviewedAt: string | null;
  readonly cosigned: boolean | null;
}

/** How much of a note's text the list reads: room for the summary once runs of spaces are collapsed. */
const SUMMARY_READ = REVIEW_SUMMARY_CHARS * 4;

const patientName = (r: { givenName: string | null; familyName: string | null }) => [r.givenName, r.familyName].filter(Boolean).join(' ');
const dayStart = (day: string) => `${day}T00:00:00.000Z`;
const nextDayStart = (day: string) => new Date(Date.parse(dayStart(day)) + 86_400_000).toISOString();

/**
 * The team's signed notes with a contact in [from, to] (UTC days), newest contact first. Reads
 * the typed projection of signed notes (contact_facts: indexed by organisation and time) and
 * each listed note's row; the patient's territory now decides the scope.
 */
export async function listNotesForReview(req: OfficeRequest, query: ReviewListQuery): Promise<OfficeOutcome<ReviewListResponse>> {
  const refused = reviewRefusalOf(req.actor);
  if (refused) return refused;
  const territories = [...req.actor.teamTerritoryIds];
  const rows =
    territories.length === 0
      ? []
      : await req.db.query<SummaryRow>(
          `select f.note_id as id, f.patient_id as "patientId",
                  p.data->>'givenName' as "givenName", p.data->>'familyName' as "familyName",
                  f.author_id as "authorId", coalesce(u.name, r.data->>'authorName') as "authorName",
                  r.data->>'contactAt' as "contactAt", r.data->>'mode' as mode, r.data->>'outcome' as outcome,
                  left(r.data->>'text', ${SUMMARY_READ}) as summary, length(r.data->>'text') as "textLength",
                  rv.at as "reviewedAt", rv.cosigned
             from contact_facts f
             join patient_records r on r.kind = 'note' and r.id = f.note_id
             join patients p on p.id = f.patient_id
             left join users u on u.id = f.author_id and u.org_id = f.org_id
             left join lateral (
               select max(a.data->>'at') as at, bool_or(coalesce((a.data->'review'->>'cosign')::boolean, false)) as cosigned
                 from patient_records a
                where a.kind = 'addendum' and a.patient_id = f.patient_id and not a.deleted
                  and a.data->>'noteId' = f.note_id and jsonb_typeof(a.data->'review') = 'object'
             ) rv on true
            where f.org_id = $1 and p.org_id = $1 and not p.deleted and not r.deleted
              and p.territory_id = any($2::text[])
              and r.data->>'status' = 'signed'
              and f.contact_at >= $3::timestamptz and f.contact_at < $4::timestamptz
              and ($5::text is null or f.author_id = $5)
              and ($6::boolean = false or rv.at is null)
            order by f.contact_at desc, f.note_id desc
            limit $7 offset $8`,
          [
            req.actor.orgId,
            territories,
            dayStart(query.from),
            nextDayStart(query.to),
            query.authorId ?? null,
            query.reviewed === 'unreviewed',
            query.limit + 1,
            query.offset,
          ],
        );
  const shown = rows.slice(0, query.limit);
  const patients = [...new Set(shown.map((r) => r.patientId))];
  await recordAudit(
    req.db,
    authorFromSession(req.actor, req.address),
    req.now,
    patients.map((patientId) => ({ action: 'read', entityKind: 'patient', entityId: patientId, patientId })),
  );
  return { ok: true, value: { notes: shown.map(toSummary), hasMore: rows.length > query.limit, serverTime: req.now.toISOString() } };
}

function toSummary(r: SummaryRow): ReviewNoteSummary {
  const text = (r.summary ?? '').replace(/\s+/g, ' ').trim();
  return {
    id: r.id,
    patientId: r.patientId,
    patientName: patientName(r),
    authorId: r.authorId,
    authorName: r.authorName ?? '',
    contactAt: r.contactAt,
    mode: r.mode,
    outcome: r.outcome,
    summary: text.length > REVIEW_SUMMARY_CHARS || Number(r.textLength ?? 0) > SUMMARY_READ ? `${text.slice(0, REVIEW_SUMMARY_CHARS - 1)}…` : text,
    reviewed: r.reviewedAt !== null,
    reviewedAt: r.reviewedAt === null ? null : new Date(r.reviewedAt).toISOString(),
    cosigned: r.cosigned === true,
  };
}

interface NoteRow {
  readonly data: Record<string, unknown>;
  readonly orgId: string;
  readonly territoryId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
}

/** The note if the actor may review it (in their team, not a draft); null otherwise. */
async function noteInTeam(db: Db, actor: Actor, noteId: string): Promise<{ note: ContactNote; row: NoteRow } | null> {
  const [row] = await db.query<NoteRow>(
    `select r.data, p.org_id as "orgId", p.territory_id as "territoryId",
            p.data->>'givenName' as "givenName", p.data->>'familyName' as "familyName"
       from patient_records r join patients p on p.id = r.patient_id
      where r.kind = 'note' and r.id = $1 and not r.deleted and not p.deleted`,
    [noteId],
  );
  if (!row) return null;
  if (!authorize(actor, 'note.review', { type: 'patient', orgId: row.orgId, territoryId: row.territoryId }).allowed) return null;
  const note = contactNoteSchema.parse(row.data);
  // A draft is its author's alone until signed.
  return note.status === 'draft' ? null : { note, row };
}

async function addendaOf(db: Db, note: ContactNote): Promise<Addendum[]> {
  const rows = await db.query<{ data: Record<string, unknown> }>(
    `select data from patient_records
      where kind = 'addendum' and patient_id = $1 and not deleted and data->>'noteId' = $2`,
    [note.patientId, note.id],
  );
  return rows.map((r) => addendumSchema.parse(r.data)).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** One signed (or entered-in-error) note of the team, in full, with its addenda; an audited read. */
export async function readNoteForReview(req: OfficeRequest, noteId: string): Promise<OfficeOutcome<ReviewNoteResponse>> {
  const refused = reviewRefusalOf(req.actor);
  if (refused) return refused;
  const found = await noteInTeam(req.db, req.actor, noteId);
  if (!found) return NOT_FOUND;
  const { note, row } = found;
  const addenda = await addendaOf(req.db, note);
  await recordAudit(req.db, authorFromSession(req.actor, req.address), req.now, [
    { action: 'read', entityKind: 'note', entityId: note.id, patientId: note.patientId },
  ]);
  return { ok: true, value: { note, patientName: patientName(row), addenda } };
}

/**
 * Writes the supervisor's review of a signed note of their team: an addendum marked `review`,
 * in one transaction with the note locked (a concurrent "entered in error" is seen).
 */
export async function reviewNote(req: OfficeRequest, noteId: string, body: ReviewRequest): Promise<OfficeOutcome<ReviewResponse>> {
  const refused = reviewRefusalOf(req.actor);
  if (refused) return refused;
  const { actor } = req;
  return req.db.transaction(async (tx): Promise<OfficeOutcome<ReviewResponse>> => {
    const noteKey: RecordKey = { table: 'patient_records', kind: 'note', id: noteId };
    const stored = await lockRecord(tx, noteKey);
    if (!stored || stored.deleted) return NOT_FOUND;
    const patient = await readPatientScope(tx, stored.patientId);
    if (!patient || patient.deleted) return NOT_FOUND;
    if (!authorize(actor, 'note.review', { type: 'patient', orgId: patient.orgId, territoryId: patient.territoryId }).allowed) return NOT_FOUND;
    const note = contactNoteSchema.parse(stored.data);
    if (note.status === 'draft') return NOT_FOUND;
    switch (reviewRefusal(note, body.text)) {
      case 'not_signed':
        return { ok: false, code: 'conflict', message: 'This note was entered in error; only a signed note can be reviewed' };
      case 'text_missing':
        return { ok: false, code: 'bad_request', message: 'text: the review needs some text' };
      case null:
        break;
    }
    const at = req.now.toISOString();
    const addendum = addendumSchema.parse({
      id: randomUUID(),
      noteId: note.id,
      patientId: note.patientId,
      authorId: actor.userId,
      authorName: actor.name,
      at,
      text: body.text.trim(),
      review: { cosign: body.cosign },
    });
    const data = addendum as unknown as Record<string, unknown>;
    const version = await nextVersion(tx);
    const writer = { hlc: encodeHlc({ wallMs: req.now.getTime(), counter: 0 }, OFFICE_NODE), by: actor.name, userId: actor.userId, deviceId: actor.deviceId };
    const key: RecordKey = { table: 'patient_records', kind: 'addendum', id: addendum.id };
    const owner = { patientId: note.patientId, orgId: patient.orgId };
    const created = await createRecord(tx, authorFromSession(actor, req.address), req.now, key, owner, {
      data,
      stamps: stampFields({}, Object.keys(data), writer, version),
      deleted: false,
      version,
    });
    if (!created) throw new Error('a fresh random addendum id already exists');
    return { ok: true, value: { addendum } };
  });
}
