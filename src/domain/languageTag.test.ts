import { describe, expect, it } from 'vitest';
import { isLanguageTag, normaliseLanguageTag } from './languageTag';

describe('language tags (BCP 47)', () => {
  it.each<[string, string | null]>([
    ['es', 'es'],
    ['en-US', 'en-US'],
    ['en_US', 'en-US'],
    ['EN-us', 'en-US'],
    ['  pt_br ', 'pt-BR'],
    ['zh_hant_tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['haw', 'haw'],
    ['sl-rozaj-biske', 'sl-rozaj-biske'],
    ['de-CH-1996', 'de-CH-1996'],
    ['!!', null],
    ['', null],
    ['e', null],
    ['english', null],
    ['en US', null],
    ['en--US', null],
    ['en-US-', null],
    ['en-u-ca-gregory', null],
    ['x-private', null],
    ['sl-rozaj-rozaj', null],
    ['en-\u0000', null],
    ['a'.repeat(40), null],
  ])('%j normalises to %j', (raw, expected) => {
    expect(normaliseLanguageTag(raw)).toBe(expected);
  });

  it('only the canonical form is a tag as stored', () => {
    expect(isLanguageTag('en-US')).toBe(true);
    expect(isLanguageTag('en_US')).toBe(false);
    expect(isLanguageTag('!!')).toBe(false);
  });
});
