import { describe, expect, it } from 'vitest';
import type { ContactNote } from '../../../domain/contactNote';
import type { QuestionnaireResponse } from '../../../domain/questionnaire';
import { latestResult } from './latestResult';

/** HRA answers worth `points` risk points: each "yes" to a fall or a worry adds one. */
function hraAnswers(points: 0 | 1 | 2 | 8): Record<string, string> {
  const base: Record<string, string> = {
    general_health: 'good',
    fell_past_year: 'no',
    fear_of_falling: 'no',
    daily_medicines: 'zero_to_four',
    medicine_trouble: 'no',
    active_days: 'days_5',
    smoking: 'never',
    alcohol: 'none',
    daily_activities: 'no_trouble',
    lives_alone: 'no',
    has_helper: 'yes',
    vision_hearing: 'no',
    feeling_down: 'not_at_all',
    memory_concern: 'no',
  };
  if (points >= 1) base.fell_past_year = 'yes';
  if (points >= 2) base.fear_of_falling = 'yes';
  if (points === 8) Object.assign(base, { general_health: 'poor', vision_hearing: 'yes', feeling_down: 'most_days', memory_concern: 'yes' });
  return base;
}

const response = (id: string, noteId: string | null, points: 0 | 1 | 2 | 8, status: QuestionnaireResponse['status'] = 'completed') =>
  ({
    id,
    questionnaireId: 'hra',
    questionnaireVersion: '1',
    patientId: 'pat_1',
    noteId,
    answers: hraAnswers(points),
    score: points,
    language: 'es',
    status,
    updatedAt: '2026-12-01T10:00:00.000Z',
  }) as unknown as QuestionnaireResponse;

const note = (id: string, status: ContactNote['status'], contactAt: string) => ({ id, status, contactAt }) as unknown as ContactNote;

describe('latestResult', () => {
  it('takes the latest signed contact, dated by the contact, with its risk level', () => {
    const notes = [note('n_old', 'signed', '2026-10-01T15:00:00.000Z'), note('n_new', 'signed', '2026-11-20T15:00:00.000Z')];
    const latest = latestResult('hra', [response('r_new', 'n_new', 8), response('r_old', 'n_old', 0)], notes);
    expect(latest?.response.id).toBe('r_new');
    expect(latest?.at).toBe('2026-11-20T15:00:00.000Z');
    expect(latest?.level?.en).toMatch(/^High risk/);
    expect(latest?.level?.es).toMatch(/^Riesgo alto/);
  });

  it('ignores drafts, notes entered in error and unfinished answers', () => {
    const notes = [note('n_draft', 'draft', '2026-12-01T15:00:00.000Z'), note('n_err', 'entered_in_error', '2026-12-01T16:00:00.000Z'), note('n_ok', 'signed', '2026-09-01T15:00:00.000Z')];
    const responses = [response('r_draft', 'n_draft', 8), response('r_err', 'n_err', 8), response('r_half', 'n_ok', 8, 'in_progress'), response('r_ok', 'n_ok', 0)];
    const latest = latestResult('hra', responses, notes);
    expect(latest?.response.id).toBe('r_ok');
    expect(latest?.level?.en).toBe('Low risk');
  });

  it('is null when there is none', () => {
    expect(latestResult('hra', [], [])).toBeNull();
  });
});
