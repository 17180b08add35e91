import { describe, expect, it } from 'vitest';
import { languageNamer } from './languageName';

describe('language names', () => {
  const en = languageNamer('en');
  const es = languageNamer('es');

  it.each<[string, string, string]>([
    ['es', 'Spanish', 'Español'],
    ['en-US', 'American English', 'Inglés estadounidense'],
    ['en_US', 'American English', 'Inglés estadounidense'],
    ['!!', '!!', '!!'],
    ['', '', ''],
    ['en-u-ca-gregory', 'en-u-ca-gregory', 'en-u-ca-gregory'],
    ['x\u0000', 'x\u0000', 'x\u0000'],
  ])('%j is named without throwing', (code, inEnglish, inSpanish) => {
    expect(en(code)).toBe(inEnglish);
    expect(es(code)).toBe(inSpanish);
  });
});
