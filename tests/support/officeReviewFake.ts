/**
 * Test-only: the office's note review routes in the in-memory office server
 * (officeConsoleHarness.tsx): a list of the team's signed notes, each note in full, and the
 * review step, which adds an addendum by the supervisor and marks the note reviewed.
 */
import type { ContactNote } from '../../src/domain/contactNote';
import type { ReviewNoteResponse, ReviewNoteSummary } from '../../src/protocol/officeReview';

export interface FakeReview {
  notes: ReviewNoteSummary[];
  details: Record<string, ReviewNoteResponse>;
}

const NOW = '2026-12-07T14:00:00.000Z';

function fullNote(s: ReviewNoteSummary, text: string, status: ContactNote['status'] = 'signed'): ReviewNoteResponse['note'] {
  return {
    id: s.id, patientId: s.patientId, authorId: s.authorId, authorName: s.authorName, status, mode: s.mode, contactAt: s.contactAt,
    durationMinutes: 25, outcome: s.outcome, activities: [], text, followUps: [], escalation: null, createdAt: s.contactAt,
    updatedAt: s.contactAt, signedAt: s.contactAt, fromTaskId: null, contentHash: 'a'.repeat(64),
    enteredInError: status === 'entered_in_error' ? { at: NOW, by: s.authorName, byId: s.authorId, reason: 'Wrong patient' } : null,
  };
}

/** Two of Ana's notes and one of Ben's (a hostile patient name, for the CSV); one already reviewed. */
export function fakeReview(): FakeReview {
  const notes: ReviewNoteSummary[] = [
    { id: 'note-1', patientId: 'pat-1', patientName: 'Maria Lopez', authorId: 'user-ana', authorName: 'Ana Field', contactAt: '2026-12-07T10:00:00.000Z',
      mode: 'home_visit', outcome: 'reached', summary: 'BP 150/95, diary reviewed', reviewed: false, reviewedAt: null, cosigned: false },
    { id: 'note-2', patientId: 'pat-2', patientName: '=HYPERLINK("x")', authorId: 'user-ben', authorName: 'Ben Field', contactAt: '2026-12-06T09:00:00.000Z',
      mode: 'phone_call', outcome: 'no_answer', summary: 'No answer', reviewed: true, reviewedAt: '2026-12-06T16:00:00.000Z', cosigned: true },
  ];
  const details: Record<string, ReviewNoteResponse> = {
    'note-1': { note: fullNote(notes[0]!, 'Blood pressure 150/95; we went through the diary together.'), patientName: 'Maria Lopez', addenda: [
      { id: 'add-own', noteId: 'note-1', patientId: 'pat-1', authorId: 'user-ana', authorName: 'Ana Field', at: '2026-12-07T11:00:00.000Z', text: 'Gave a leaflet too.' },
    ] },
    'note-2': { note: fullNote(notes[1]!, 'No answer.', 'entered_in_error'), patientName: '=HYPERLINK("x")', addenda: [] },
  };
  return { notes, details };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refuse = (status: number, code: string, message: string) => json(status, { error: { code, message } });

/** The answer for a review route, or null when the request is not one. */
export function routeReview(review: FakeReview, self: { id: string; name: string }, method: string, url: URL, body: Record<string, unknown>): Response | null {
  if (method === 'GET' && url.pathname === '/api/office/notes') {
    const unreviewed = url.searchParams.get('reviewed') === 'unreviewed';
    const author = url.searchParams.get('authorId');
    const notes = review.notes.filter((n) => (!unreviewed || !n.reviewed) && (author === null || n.authorId === author));
    return json(200, { notes, hasMore: false, serverTime: NOW });
  }
  const [, id, step] = /^\/api\/office\/notes\/([^/]+)(\/review)?$/.exec(url.pathname) ?? [];
  if (!id) return null;
  const detail = review.details[decodeURIComponent(id)];
  if (!detail) return refuse(404, 'not_found', 'No such signed note in your team');
  if (method === 'GET' && !step) return json(200, detail);
  if (method !== 'POST' || !step) return null;
  if (detail.note.status !== 'signed') return refuse(409, 'conflict', 'This note was entered in error; only a signed note can be reviewed');
  const addendum = {
    id: `add-review-${detail.addenda.length}`, noteId: detail.note.id, patientId: detail.note.patientId, authorId: self.id, authorName: self.name,
    at: NOW, text: String(body.text), review: { cosign: body.cosign === true },
  };
  detail.addenda = [...detail.addenda, addendum];
  review.notes = review.notes.map((n) => (n.id === detail.note.id ? { ...n, reviewed: true, reviewedAt: NOW, cosigned: n.cosigned || body.cosign === true } : n));
  return json(200, { addendum });
}
