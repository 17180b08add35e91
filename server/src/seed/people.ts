/**
 * Names, phone numbers and email addresses for patients and caregivers. Names follow the
 * person's preferred language: seeded faker instances for Spanish (es_MX), Portuguese (pt_BR)
 * and Vietnamese, hand-written lists (names.ts) picked by a seeded English faker for English,
 * Haitian Creole and Chinese. Phone numbers are all in the fictional 555 exchange and email
 * addresses use the reserved example.* domains, so nothing here can reach a real person.
 */
import { Faker, base, en, en_US, es, es_MX, pt_BR, vi } from '@faker-js/faker';
import type { NameList } from './names';
import { CHINESE_NAMES, ENGLISH_NAMES, HAITIAN_NAMES } from './names';
import type { Rng } from './random';
import { deriveSeed } from './random';
import type { OtherLanguage } from './towns';

export type Language = 'en' | 'es' | OtherLanguage;
export type NameSex = 'female' | 'male';

export interface PersonName {
  readonly given: string;
  readonly family: string;
}

export interface NameSource {
  personName(language: Language, sex: NameSex): PersonName;
  givenName(language: Language, sex: NameSex): string;
  familyName(language: Language): string;
}

function seededFaker(locale: ConstructorParameters<typeof Faker>[0]['locale'], seed: number): Faker {
  const f = new Faker({ locale });
  f.seed(seed);
  return f;
}

/** One faker per language, each seeded from the dataset seed, so each language is its own stream. */
export function createNameSource(seed: number): NameSource {
  const english = seededFaker([en_US, en, base], deriveSeed(seed, 'faker:en'));
  const spanish = seededFaker([es_MX, es, en, base], deriveSeed(seed, 'faker:es'));
  const portuguese = seededFaker([pt_BR, en, base], deriveSeed(seed, 'faker:pt'));
  const vietnamese = seededFaker([vi, en, base], deriveSeed(seed, 'faker:vi'));

  const fromList = (list: NameList) => ({
    given: (sex: NameSex) => english.helpers.arrayElement(list[sex]),
    family: () => english.helpers.arrayElement(list.family),
  });
  const fromFaker = (f: Faker) => ({
    given: (sex: NameSex) => f.person.firstName(sex),
    family: () => f.person.lastName(),
  });
  const byLanguage: Record<Language, { given(sex: NameSex): string; family(): string }> = {
    en: fromList(ENGLISH_NAMES),
    ht: fromList(HAITIAN_NAMES),
    zh: fromList(CHINESE_NAMES),
    es: fromFaker(spanish),
    pt: fromFaker(portuguese),
    vi: fromFaker(vietnamese),
  };

  return {
    personName: (language, sex) => {
      const source = byLanguage[language];
      return { given: source.given(sex), family: source.family() };
    },
    givenName: (language, sex) => byLanguage[language].given(sex),
    familyName: (language) => byLanguage[language].family(),
  };
}

const OVERLAY: Record<'617' | '781', '857' | '339'> = { '617': '857', '781': '339' };

/** `+1 AAA 555 LLLL`. 555-1212 (directory assistance) is skipped. */
function fictionalNumber(areaCode: string, rng: Rng): string {
  let line = rng.int(100, 9999);
  if (line === 1212) line = 1213;
  return `+1${areaCode}555${String(line).padStart(4, '0')}`;
}

/** Landlines keep the town's original area code. */
export function homePhone(townAreaCode: '617' | '781', rng: Rng): string {
  return fictionalNumber(townAreaCode, rng);
}

/** Mobiles mostly match the town, sometimes its overlay, sometimes the other Boston code. */
export function mobilePhone(townAreaCode: '617' | '781', rng: Rng): string {
  const other = townAreaCode === '617' ? '781' : '617';
  const area = rng.weighted([
    [townAreaCode, 0.6],
    [OVERLAY[townAreaCode], 0.25],
    [other, 0.15],
  ] as const);
  return fictionalNumber(area, rng);
}

/** Facility main lines use 555-0100..0199, the range reserved for fiction. */
export function facilityPhone(areaCode: '617' | '781', lineSuffix: number): string {
  return `+1${areaCode}5550${String(100 + (lineSuffix % 100)).padStart(3, '0')}`;
}

/** Lower-case ASCII letters only, so accented and hyphenated names still make plausible emails. */
function mailbox(part: string): string {
  return part
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function emailFor(name: PersonName, rng: Rng): string {
  const given = mailbox(name.given) || 'patient';
  const family = mailbox(name.family.split(' ')[0] ?? '') || 'home';
  const local = rng.weighted([
    [`${given}.${family}`, 3],
    [`${given[0]}${family}${rng.int(1, 99)}`, 3],
    [`${family}${given[0]}${rng.int(40, 75)}`, 2],
    [`${given}${rng.int(1940, 1975)}`, 1],
  ] as const);
  const domain = rng.pick(['example.com', 'example.net', 'example.org'] as const);
  return `${local}@${domain}`;
}
