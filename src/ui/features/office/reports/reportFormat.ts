/**
 * How the Overview and funnel write their numbers and group names for the reader: counts and
 * shares in the locale's own form, a week by its Monday, and the human word for a funnel group
 * (a language's name, "75 and over", "Call", a territory's name) instead of its code.
 */
import type { FunnelDimension } from '../../../../worker/client';
import type { Locale } from '../../../i18n/I18n';
import { en as enMessages } from '../../../i18n/en';
import { es as esMessages } from '../../../i18n/es';
import { languageNamer } from '../../../i18n/languageName';
import { NOTE_TEXT } from '../../note/noteText';
import { REPORTS_TEXT } from './reportsText';

export interface ReportFormat {
  readonly count: (n: number) => string;
  /** A share from 0 to 1 as a whole percentage; "No data" for null. */
  readonly rate: (r: number | null) => string;
  /** `part` of `whole` as a percentage; "No data" when `whole` is 0. */
  readonly share: (part: number, whole: number) => string;
  readonly decimal: (n: number) => string;
  /** A Monday (`YYYY-MM-DD`) as a short date ("Nov 9" / "9 nov"). */
  readonly week: (day: string) => string;
  /** A date (`YYYY-MM-DD`) in the medium form ("Nov 9, 2026"). */
  readonly day: (day: string) => string;
}

const formats = new Map<Locale, ReportFormat>();

export function reportFormat(locale: Locale): ReportFormat {
  const known = formats.get(locale);
  if (known) return known;
  const counts = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const weeks = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const noRate = REPORTS_TEXT[locale].noRate;
  const rate = (r: number | null) => (r === null ? noRate : percents.format(r));
  const made: ReportFormat = {
    count: (n) => counts.format(n),
    rate,
    share: (part, whole) => rate(whole === 0 ? null : part / whole),
    decimal: (n) => decimals.format(n),
    week: (day) => weeks.format(new Date(`${day}T00:00:00Z`)),
    day: (day) => days.format(new Date(`${day}T00:00:00Z`)),
  };
  formats.set(locale, made);
  return made;
}

/** A share for a CSV file: a percentage with one decimal ("48.5%"), empty when there is none. */
export function csvRate(r: number | null): string {
  return r === null ? '' : `${Math.round(r * 1000) / 10}%`;
}

/** A funnel group's value in words: territory name, channel, age band or language. */
export function groupName(locale: Locale, dimension: FunnelDimension, value: string, territoryNames: Readonly<Record<string, string>>): string {
  const text = REPORTS_TEXT[locale];
  switch (dimension) {
    case 'territory':
      return territoryNames[value] ?? value;
    case 'channel':
      return text.channel[value] ?? value;
    case 'ageBand':
      return text.ageBand(value);
    case 'language':
      return value === 'unknown' ? text.languageUnknown : languageNamer(locale)(value);
  }
}

/** A contact's outcome in words (the note's own words); `none` when the note recorded none. */
export function outcomeName(locale: Locale, outcome: string): string {
  if (outcome === 'none') return REPORTS_TEXT[locale].noOutcome;
  return (NOTE_TEXT[locale].outcome as Record<string, string>)[outcome] ?? outcome;
}

/** A care-gap measure's name ("Breast cancer screening"), or its code when unknown. */
export function measureName(locale: Locale, measure: string): string {
  const names = (locale === 'es' ? esMessages : enMessages).gap as Record<string, string>;
  return names[measure] ?? measure;
}
