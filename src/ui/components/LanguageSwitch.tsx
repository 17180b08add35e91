/** English / Español toggle, available on every screen; the choice persists per browser. */
import { LOCALES, useI18n, type Locale } from '../i18n/I18n';

const NATIVE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div role="group" aria-label={t.language} className="segmented">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="segmented__option"
          aria-pressed={locale === l}
          onClick={() => setLocale(l)}
        >
          {NATIVE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
