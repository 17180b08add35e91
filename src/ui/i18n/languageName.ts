/**
 * A language's name for people ("Spanish", "inglés (Estados Unidos)") from a stored code. Never
 * throws: a stored code that is not a language tag (`!!`, or one written before codes were
 * checked) shows as the code itself, since `Intl.DisplayNames` throws on such a code and one
 * bad value must not blank a screen. A code with one reading (`en_US`) is named as its
 * canonical form.
 */
import { normaliseLanguageTag } from '../../domain/languageTag';

export function languageNamer(locale: string): (code: string) => string {
  let names: Intl.DisplayNames | null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    names = null;
  }
  return (code) => {
    const tag = normaliseLanguageTag(code);
    if (tag === null || names === null) return code;
    let name: string | undefined;
    try {
      name = names.of(tag);
    } catch {
      return code;
    }
    if (!name) return code;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  };
}
