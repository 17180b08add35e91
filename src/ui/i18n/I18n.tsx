/**
 * The language context: current locale, its messages, and locale-aware formatters (date-fns
 * locales for dates, Intl for numbers and language names). The choice is persisted per
 * browser and applied to <html lang> so screen readers pronounce correctly.
 */
import { format, formatDistance, min, type Locale as DateLocale } from 'date-fns';
import { enUS, es as esDate } from 'date-fns/locale';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { es } from './es';
import { languageNamer } from './languageName';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGUES: Record<Locale, Messages> = { en, es };
const DATE_LOCALES: Record<Locale, DateLocale> = { en: enUS, es: esDate };
const STORAGE_KEY = 'rounds.locale';

export interface I18n {
  readonly locale: Locale;
  readonly t: Messages;
  setLocale(l: Locale): void;
  /** A calendar date (`YYYY-MM-DD`) in the locale's medium form, e.g. "Nov 22, 2026". */
  formatDate(isoDate: string): string;
  formatDateTime(iso: string): string;
  /** "5 minutes ago" / "hace 5 minutos". */
  formatRelative(iso: string, now: Date): string;
  formatNumber(n: number): string;
  /** Never throws: a code that is not a language tag shows as itself (languageName.ts). */
  languageName(code: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(storage: Storage | undefined, browserLanguages: readonly string[]): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'es') return saved;
  return browserLanguages.some((l) => l.toLowerCase().startsWith('es')) ? 'es' : 'en';
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(
    () => fixed ?? initialLocale(globalThis.localStorage, globalThis.navigator?.languages ?? []),
  );
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    globalThis.localStorage?.setItem(STORAGE_KEY, l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const dateLocale = DATE_LOCALES[locale];
    const numberFormat = new Intl.NumberFormat(locale);
    const languageName = languageNamer(locale);
    return {
      locale,
      t: CATALOGUES[locale],
      setLocale,
      formatDate: (d) => format(new Date(`${d}T12:00:00`), 'PP', { locale: dateLocale }),
      formatDateTime: (iso) => format(new Date(iso), 'PPp', { locale: dateLocale }),
      // A moment a few seconds ahead of the refreshed clock still reads as "ago".
      formatRelative: (iso, now) =>
        formatDistance(min([new Date(iso), now]), now, { addSuffix: true, locale: dateLocale }),
      formatNumber: (n) => numberFormat.format(n),
      languageName,
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
