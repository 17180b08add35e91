import { describe, expect, it } from 'vitest';
import { patientSchema } from './entities';
import { contactNoteSchema } from './noteSchemas';
import { languageTagSchema, safeText, textProblem } from './safeText';
import { loginRequestSchema, pullRequestSchema } from './wire';

describe('text every store can hold', () => {
  it.each<[string, string, ReturnType<typeof textProblem>]>([
    ['plain text', 'Reviewed the diary', null],
    ['a whole emoji', 'Great 😀', null],
    ['accents and CJK', 'señora 你好', null],
    ['a NUL', 'a\u0000b', 'nul'],
    ['a high surrogate at the end', 'cut \uD83D', 'lone_surrogate'],
    ['a high surrogate before a letter', '\uD83Dx', 'lone_surrogate'],
    ['a low surrogate alone', 'x\uDE00', 'lone_surrogate'],
    ['two high surrogates', '\uD83D\uD83D\uDE00', 'lone_surrogate'],
  ])('%s', (_case, text, problem) => {
    expect(textProblem(text)).toBe(problem);
    expect(safeText(100).safeParse(text).success).toBe(problem === null);
  });

  it('counts the maximum and still allows .min after it', () => {
    const schema = safeText(3).min(1);
    expect(schema.safeParse('abc').success).toBe(true);
    expect(schema.safeParse('abcd').success).toBe(false);
    expect(schema.safeParse('').success).toBe(false);
  });

  it('a bad string in an entity names its field path', () => {
    const issues = contactNoteSchema.shape.followUps.safeParse([{ id: 'f1', title: 'Call\u0000', dueDate: '2026-12-01', ownerName: 'Ana' }]).error?.issues;
    expect(issues?.map((i) => [i.path.join('.'), i.message])).toEqual([['0.title', 'contains a NUL character, which cannot be stored']]);
  });

  it('wire requests refuse bad text and overlong text', () => {
    expect(loginRequestSchema.safeParse({ username: 'ana\u0000', password: 'x', deviceId: 'device-0001' }).success).toBe(false);
    expect(pullRequestSchema.safeParse({ protocolVersion: 2, cursor: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('language codes on the wire', () => {
  it.each<[unknown, string | null]>([
    ['es', 'es'],
    ['en-US', 'en-US'],
    ['en_US', 'en-US'],
    ['!!', null],
    ['', null],
    [42, null],
  ])('%j reads as %j', (value, expected) => {
    const parsed = languageTagSchema.safeParse(value);
    expect(parsed.success ? parsed.data : null).toBe(expected);
  });

  it("a patient's language is checked with the rest of the patient", () => {
    expect(patientSchema.shape.language.safeParse('!!').error?.issues[0]?.message).toBe('not a language code (BCP 47, like "es" or "en-US")');
  });
});
