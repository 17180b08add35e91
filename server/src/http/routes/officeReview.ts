/**
 * The office's note review: `GET /api/office/notes` (the team's signed notes in a range of
 * days), `GET /api/office/notes/:noteId` (one in full, with its addenda) and
 * `POST /api/office/notes/:noteId/review` (a review addendum, optionally co-signing). Behind
 * the session gate; the rules (`note.review`, the team's scope, only a signed note) live in
 * office/review.ts. The policy is checked before the query or body is read: a specialist or an
 * administrator is told 403 whatever they send.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { reviewListQuerySchema, reviewRequestSchema } from '../../../../src/protocol/officeReview';
import { TEXT_MAX, textProblem } from '../../../../src/protocol/safeText';
import type { Db } from '../../db/db';
import type { OfficeOutcome, OfficeRequest } from '../../office/escalations';
import { listNotesForReview, readNoteForReview, reviewNote, reviewRefusalOf } from '../../office/review';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface OfficeReviewDeps {
  readonly db: Db;
  readonly now: () => Date;
}

/** A review is a note's length of text at most, with a little room for JSON. */
const REVIEW_BODY_LIMIT = TEXT_MAX.note * 4 + 1024;

type NoteRequest = FastifyRequest<{ Params: { noteId: string } }>;

function officeRequest(request: FastifyRequest, deps: OfficeReviewDeps): OfficeRequest {
  return { db: deps.db, actor: actorOf(request), address: request.ip, now: deps.now() };
}

function answer<T>(reply: FastifyReply, outcome: OfficeOutcome<T>): T | FastifyReply {
  return outcome.ok ? outcome.value : sendError(reply, outcome.code, outcome.message);
}

/** No stored id is longer or holds what PostgreSQL cannot store (a query with it would fail). */
const storableId = (id: string) => id.length <= TEXT_MAX.id && textProblem(id) === null;

export function officeReviewRoutes(app: FastifyInstance, deps: OfficeReviewDeps): void {
  app.get('/api/office/notes', async (request, reply) => {
    const refused = reviewRefusalOf(actorOf(request));
    if (refused) return answer(reply, refused);
    const query = parseBody(reviewListQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(reply, 'bad_request', query.message);
    return answer(reply, await listNotesForReview(officeRequest(request, deps), query.value));
  });

  app.get('/api/office/notes/:noteId', async (request: NoteRequest, reply) => {
    const refused = reviewRefusalOf(actorOf(request));
    if (refused) return answer(reply, refused);
    const { noteId } = request.params;
    if (!storableId(noteId)) return sendError(reply, 'not_found', 'No such signed note in your team');
    return answer(reply, await readNoteForReview(officeRequest(request, deps), noteId));
  });

  app.post('/api/office/notes/:noteId/review', { bodyLimit: REVIEW_BODY_LIMIT }, async (request: NoteRequest, reply) => {
    const refused = reviewRefusalOf(actorOf(request));
    if (refused) return answer(reply, refused);
    const body = parseBody(reviewRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    const { noteId } = request.params;
    if (!storableId(noteId)) return sendError(reply, 'not_found', 'No such signed note in your team');
    return answer(reply, await reviewNote(officeRequest(request, deps), noteId, body.value));
  });
}
