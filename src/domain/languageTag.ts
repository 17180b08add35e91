/**
 * Language codes as BCP 47 tags in their canonical case: `es`, `en-US`, `zh-Hant-TW`. Covers
 * the language, script, region and variant subtags a patient's preferred language needs
 * (extensions and private use are refused). `normaliseLanguageTag` repairs only what has one
 * reading: separators (`en_US`), case (`EN-us`) and surrounding spaces; anything else is not a
 * language code. Pure: no Intl, so it behaves the same in every browser and on the server.
 */

/** The longest tag accepted (RFC 5646 section 4.4.1 asks implementations to hold at least 35). */
export const LANGUAGE_TAG_MAX = 35;

// ISO 639 codes only: the 5-8 letter form BCP 47 reserves has no registered language, and
// accepting it would take a word like `english` for a code.
const LANGUAGE = /^[a-z]{2,3}$/;
const SCRIPT = /^[a-z]{4}$/;
const REGION = /^[a-z]{2}$|^\d{3}$/;
const VARIANT = /^[a-z0-9]{5,8}$|^\d[a-z0-9]{3}$/;

/** The canonical form of `raw`, or null when it is not a language tag. */
export function normaliseLanguageTag(raw: string): string | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > LANGUAGE_TAG_MAX) return null;
  const parts = text.toLowerCase().split(/[-_]/);
  const [language, ...rest] = parts;
  if (language === undefined || !LANGUAGE.test(language)) return null;
  const out = [language];
  let i = 0;
  if (rest[i] !== undefined && SCRIPT.test(rest[i] as string)) {
    const script = rest[i++] as string;
    out.push(script.charAt(0).toUpperCase() + script.slice(1));
  }
  if (rest[i] !== undefined && REGION.test(rest[i] as string)) out.push((rest[i++] as string).toUpperCase());
  const variants = new Set<string>();
  for (; i < rest.length; i++) {
    const variant = rest[i] as string;
    // A repeated variant is invalid in BCP 47, not a spelling to repair.
    if (!VARIANT.test(variant) || variants.has(variant)) return null;
    variants.add(variant);
    out.push(variant);
  }
  return out.join('-');
}

/** True when `tag` is a language tag already in its canonical form. */
export function isLanguageTag(tag: string): boolean {
  return normaliseLanguageTag(tag) === tag;
}
