/**
 * Counted phrases through the language's own plural rules (Intl.PluralRules), so no catalogue
 * decides "1 change" against "2 changes" by hand and the verb can agree with the count
 * ("1 change has", "2 changes have"). In a form, `#` stands for the count, written with the
 * locale's digits and separators ("1,250" / "1250").
 */
import type { Locale } from './I18n';

export interface PluralForms {
  readonly one: string;
  readonly other: string;
  /** Spanish uses it for round millions ("1 000 000 de cambios"); `other` when absent. */
  readonly many?: string;
}

export type Plural = (n: number, forms: PluralForms) => string;

export function pluralIn(locale: Locale): Plural {
  const rules = new Intl.PluralRules(locale);
  const number = numberIn(locale);
  return (n, forms) => {
    const category = rules.select(n);
    const form = category === 'one' ? forms.one : category === 'many' ? (forms.many ?? forms.other) : forms.other;
    return form.replaceAll('#', number(n));
  };
}

/** A count written for the locale, for the numbers in a phrase that do not decide its form. */
export function numberIn(locale: Locale): (n: number) => string {
  const numbers = new Intl.NumberFormat(locale);
  return (n) => numbers.format(n);
}
