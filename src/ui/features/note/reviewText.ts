/** Words for a supervisor's review of a note, as the author sees it on their device (EN + ES). */
import { useI18n, type Locale } from '../../i18n/I18n';

export interface ReviewText {
  /** "Reviewed by Denise Carter, Dec 7, 2026" (the review's text follows). */
  readonly reviewedBy: (name: string, date: string) => string;
  readonly cosignedBy: (name: string, date: string) => string;
  /** The timeline's mark on a reviewed note. */
  readonly reviewed: string;
  readonly cosigned: string;
}

export const REVIEW_TEXT: Record<Locale, ReviewText> = {
  en: {
    reviewedBy: (name, date) => `Reviewed by ${name}, ${date}`,
    cosignedBy: (name, date) => `Reviewed and co-signed by ${name}, ${date}`,
    reviewed: 'Reviewed',
    cosigned: 'Co-signed',
  },
  es: {
    reviewedBy: (name, date) => `Revisada por ${name}, ${date}`,
    cosignedBy: (name, date) => `Revisada y cofirmada por ${name}, ${date}`,
    reviewed: 'Revisada',
    cosigned: 'Cofirmada',
  },
};

export function useReviewText(): ReviewText {
  return REVIEW_TEXT[useI18n().locale];
}

/** The local calendar day of an instant, as YYYY-MM-DD (for formatDate). */
export function localDay(at: string): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
