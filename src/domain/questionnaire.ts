/**
 * Questionnaires are data: a definition lists its items, answer options and scoring rule, in
 * English and Spanish; a response stores the answers by item id. Nothing about a particular
 * questionnaire lives in code outside its definition.
 */
import type { IsoDateTime, NoteId, PatientId, QuestionnaireResponseId } from './ids';

export interface LocalText {
  readonly en: string;
  readonly es: string;
}

export interface AnswerOption {
  /** Stored in responses; stable across wording changes. */
  readonly code: string;
  readonly label: LocalText;
  /** Points this option contributes to the score, when the questionnaire is scored. */
  readonly score?: number;
}

export type QuestionnaireItem =
  | { readonly id: string; readonly type: 'choice'; readonly text: LocalText; readonly options: readonly AnswerOption[]; readonly required: boolean }
  | { readonly id: string; readonly type: 'scale'; readonly text: LocalText; readonly min: number; readonly max: number; readonly minLabel: LocalText; readonly maxLabel: LocalText; readonly required: boolean }
  | { readonly id: string; readonly type: 'text'; readonly text: LocalText; readonly required: boolean };

/**
 * How a response is summarised: `sum` adds option scores or scale values; `mean` averages
 * them (answered items only, and only when at least `minAnswered` are answered); `any` is
 * "positive" when any item's option is flagged positive (screeners).
 */
export type ScoringRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'sum' }
  | { readonly kind: 'mean'; readonly minAnswered: number }
  | { readonly kind: 'any_positive'; readonly positiveCodes: readonly string[] };

export interface QuestionnaireDefinition {
  readonly id: string;
  readonly version: string;
  readonly title: LocalText;
  readonly intro: LocalText;
  /** Where the instrument comes from and its terms of use. */
  readonly source: string;
  readonly items: readonly QuestionnaireItem[];
  readonly scoring: ScoringRule;
  /** How to read the score, in words, per range. */
  readonly interpretation?: readonly { readonly min: number; readonly max: number; readonly label: LocalText }[];
}

export type AnswerValue = string | number;

export interface QuestionnaireResponse {
  readonly id: QuestionnaireResponseId;
  readonly questionnaireId: string;
  readonly questionnaireVersion: string;
  readonly patientId: PatientId;
  readonly noteId: NoteId | null;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly score: number | null;
  readonly language: 'en' | 'es';
  readonly status: 'in_progress' | 'completed';
  readonly updatedAt: IsoDateTime;
}
