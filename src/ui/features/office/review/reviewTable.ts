/**
 * The Review list's cells in the reader's language, and its CSV export from the same data
 * (office/teamTable.ts's csvFile). The file carries the list's columns except the summary:
 * no note text is exported. Times are local dates and times, never ISO stamps.
 */
import type { ReviewNoteSummary } from '../../../../worker/client';
import type { Locale } from '../../../i18n/I18n';
import { NOTE_TEXT } from '../../note/noteText';
import { csvFile } from '../csv';
import { dateTimeIn } from '../teamTable';
import { REVIEW_WORDS } from './reviewWords';

export interface ReviewRowText {
  readonly contactAt: string;
  readonly author: string;
  readonly patient: string;
  readonly mode: string;
  readonly outcome: string;
  readonly summary: string;
  readonly reviewed: string;
}

export const REVIEW_COLUMNS = ['contactAt', 'author', 'patient', 'mode', 'outcome', 'summary', 'reviewed'] as const satisfies readonly (keyof ReviewRowText)[];
/** The columns a CSV file carries: never the summary (a piece of the note's text). */
export const REVIEW_CSV_COLUMNS = REVIEW_COLUMNS.filter((c) => c !== 'summary');

/** A local date ("Dec 7, 2026" / "7 dic 2026"). */
export function dateIn(locale: Locale, at: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(at));
}

export function reviewRowText(n: ReviewNoteSummary, locale: Locale): ReviewRowText {
  const words = REVIEW_WORDS[locale];
  const note = NOTE_TEXT[locale];
  return {
    contactAt: dateTimeIn(locale, n.contactAt),
    author: n.authorName,
    patient: n.patientName,
    mode: note.mode[n.mode],
    outcome: n.outcome ? note.outcome[n.outcome] : '—',
    summary: n.summary,
    reviewed: n.reviewedAt === null ? words.notReviewed : (n.cosigned ? words.cosignedOn : words.reviewedOn)(dateIn(locale, n.reviewedAt)),
  };
}

export function reviewCsv(notes: readonly ReviewNoteSummary[], locale: Locale): string {
  const words = REVIEW_WORDS[locale];
  return csvFile([
    REVIEW_CSV_COLUMNS.map((c) => words.column[c]),
    ...notes.map((n) => {
      const row = reviewRowText(n, locale);
      return REVIEW_CSV_COLUMNS.map((c) => row[c]);
    }),
  ]);
}
