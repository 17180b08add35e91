/**
 * The latest settled result of one questionnaire for a patient (e.g. the HRA risk level on the
 * patient screen). Settled means complete and not part of a draft (whose answers may still
 * change) or of a note entered in error. Dated by the contact it was taken at. Pure.
 */
import type { ContactNote } from '../../../domain/contactNote';
import type { IsoDateTime } from '../../../domain/ids';
import type { LocalText, QuestionnaireResponse } from '../../../domain/questionnaire';
import { questionnaireById, scoreResponse } from '../../../domain/questionnaires';

export interface LatestResult {
  readonly response: QuestionnaireResponse;
  /** When it was taken: the contact's time, or the response's last save without a note. */
  readonly at: IsoDateTime;
  /** What the score means ("Low risk"), null when the questionnaire has no such words. */
  readonly level: LocalText | null;
}

export function latestResult(
  questionnaireId: string,
  responses: readonly QuestionnaireResponse[],
  notes: readonly ContactNote[],
): LatestResult | null {
  const definition = questionnaireById(questionnaireId);
  if (!definition) return null;
  const notesById = new Map(notes.map((n) => [n.id as string, n]));
  let latest: LatestResult | null = null;
  for (const response of responses) {
    if (response.questionnaireId !== questionnaireId || response.status !== 'completed') continue;
    const note = response.noteId ? notesById.get(response.noteId) : undefined;
    if (response.noteId && note?.status !== 'signed') continue;
    const at = note ? note.contactAt : response.updatedAt;
    if (latest && latest.at >= at) continue;
    latest = { response, at, level: scoreResponse(definition, response.answers).interpretation };
  }
  return latest;
}
