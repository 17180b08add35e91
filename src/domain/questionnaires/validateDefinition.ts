/**
 * Checks a questionnaire definition is well formed: stable ids, both languages everywhere, usable
 * options and scales, and a scoring rule and interpretation that fit the items. Run by tests over
 * every shipped definition, so a typo in data fails CI instead of a visit.
 */
import type { LocalText, QuestionnaireDefinition, QuestionnaireItem } from '../questionnaire';
import { isScorable, pointRange } from './answers';

export type DefinitionProblemCode =
  | 'bad_id'
  | 'missing_field'
  | 'missing_text'
  | 'no_items'
  | 'duplicate_item_id'
  | 'too_few_options'
  | 'duplicate_option'
  | 'bad_scale'
  | 'missing_option_score'
  | 'no_scored_items'
  | 'bad_min_answered'
  | 'unknown_positive_code'
  | 'bad_interpretation'
  | 'interpretation_overlap'
  | 'interpretation_gap';

export interface DefinitionProblem {
  /** A path into the definition, e.g. `items.fell_past_year.options.yes`. */
  readonly where: string;
  readonly code: DefinitionProblemCode;
}

export type DefinitionCheck = { readonly ok: true } | { readonly ok: false; readonly problems: DefinitionProblem[] };

/** Ids and codes are stored in responses, so they must stay plain and stable. */
const STABLE_ID = /^[a-z][a-z0-9_]*$/;

export function validateDefinition(def: QuestionnaireDefinition): DefinitionCheck {
  const problems: DefinitionProblem[] = [];
  const add = (where: string, code: DefinitionProblemCode) => problems.push({ where, code });
  const text = (where: string, t: LocalText) => {
    if (!t.en.trim() || !t.es.trim()) add(where, 'missing_text');
  };

  if (!STABLE_ID.test(def.id)) add('id', 'bad_id');
  if (!def.version.trim()) add('version', 'missing_field');
  if (!def.source.trim()) add('source', 'missing_field');
  text('title', def.title);
  text('intro', def.intro);
  if (def.items.length === 0) add('items', 'no_items');

  const seen = new Set<string>();
  for (const item of def.items) {
    const where = `items.${item.id}`;
    if (!STABLE_ID.test(item.id)) add(where, 'bad_id');
    if (seen.has(item.id)) add(where, 'duplicate_item_id');
    seen.add(item.id);
    text(`${where}.text`, item.text);
    checkItem(item, where, add, text);
  }

  checkScoring(def, add);
  checkInterpretation(def, add, text);
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

type Add = (where: string, code: DefinitionProblemCode) => void;
type Text = (where: string, t: LocalText) => void;

function checkItem(item: QuestionnaireItem, where: string, add: Add, text: Text): void {
  switch (item.type) {
    case 'choice': {
      if (item.options.length < 2) add(`${where}.options`, 'too_few_options');
      const codes = new Set<string>();
      for (const o of item.options) {
        const at = `${where}.options.${o.code}`;
        if (!STABLE_ID.test(o.code)) add(at, 'bad_id');
        if (codes.has(o.code)) add(at, 'duplicate_option');
        codes.add(o.code);
        text(`${at}.label`, o.label);
        if (o.score !== undefined && !Number.isFinite(o.score)) add(at, 'missing_option_score');
      }
      // Labels must differ too: two options read aloud the same way cannot be told apart.
      const labels = item.options.map((o) => `${o.label.en.trim().toLowerCase()}|${o.label.es.trim().toLowerCase()}`);
      if (new Set(labels).size !== labels.length) add(`${where}.options`, 'duplicate_option');
      return;
    }
    case 'scale':
      if (!Number.isInteger(item.min) || !Number.isInteger(item.max) || item.min >= item.max) add(where, 'bad_scale');
      text(`${where}.minLabel`, item.minLabel);
      text(`${where}.maxLabel`, item.maxLabel);
      return;
    case 'text':
      return;
  }
}

function checkScoring(def: QuestionnaireDefinition, add: Add): void {
  const rule = def.scoring;
  const choices = def.items.filter((i) => i.type === 'choice');
  switch (rule.kind) {
    case 'none':
      if (def.interpretation?.length) add('interpretation', 'bad_interpretation');
      return;
    case 'sum':
    case 'mean':
      // An option without points would silently count as "no answer" in a sum or a mean.
      for (const item of choices) {
        for (const o of item.options) if (o.score === undefined) add(`items.${item.id}.options.${o.code}`, 'missing_option_score');
      }
      if (!def.items.some(isScorable)) add('scoring', 'no_scored_items');
      if (rule.kind === 'mean') {
        const scorable = def.items.filter(isScorable).length;
        if (!Number.isInteger(rule.minAnswered) || rule.minAnswered < 1 || rule.minAnswered > scorable) {
          add('scoring.minAnswered', 'bad_min_answered');
        }
      }
      return;
    case 'any_positive': {
      if (rule.positiveCodes.length === 0) add('scoring.positiveCodes', 'no_scored_items');
      for (const code of rule.positiveCodes) {
        if (!choices.some((i) => i.options.some((o) => o.code === code))) add(`scoring.positiveCodes.${code}`, 'unknown_positive_code');
      }
      return;
    }
  }
}

/** The scores a definition can produce, and whether they are whole numbers. */
function attainable(def: QuestionnaireDefinition): { min: number; max: number; integer: boolean } | null {
  const rule = def.scoring;
  const ranges = def.items.map(pointRange).filter((r): r is { min: number; max: number } => r !== null);
  switch (rule.kind) {
    case 'none':
      return null;
    case 'sum':
      // Unanswered items add nothing, so every item's contribution also includes 0.
      return {
        min: ranges.reduce((a, r) => a + Math.min(0, r.min), 0),
        max: ranges.reduce((a, r) => a + Math.max(0, r.max), 0),
        integer: ranges.every((r) => Number.isInteger(r.min) && Number.isInteger(r.max)) && allScoresInteger(def),
      };
    case 'mean':
      if (ranges.length === 0) return null;
      return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)), integer: false };
    case 'any_positive': {
      const screened = def.items.filter((i) => i.type === 'choice' && i.options.some((o) => rule.positiveCodes.includes(o.code)));
      return { min: 0, max: screened.length, integer: true };
    }
  }
}

function allScoresInteger(def: QuestionnaireDefinition): boolean {
  return def.items.every((i) => i.type !== 'choice' || i.options.every((o) => o.score === undefined || Number.isInteger(o.score)));
}

/**
 * Ranges must not overlap and must leave no attainable score without words. Whole-number scores
 * need consecutive ranges (0-3, 4-7); a mean is continuous, so a range may start where the
 * previous one ends (the first match wins at the shared boundary).
 */
function checkInterpretation(def: QuestionnaireDefinition, add: Add, text: Text): void {
  const ranges = def.interpretation ?? [];
  ranges.forEach((r, n) => {
    if (!(r.min <= r.max)) add(`interpretation.${n}`, 'bad_interpretation');
    text(`interpretation.${n}.label`, r.label);
  });
  const span = attainable(def);
  if (!span || ranges.length === 0) return;

  const sorted = [...ranges].sort((a, b) => a.min - b.min);
  const step = span.integer ? 1 : 0;
  for (let n = 1; n < sorted.length; n++) {
    const prev = sorted[n - 1]!;
    const next = sorted[n]!;
    const joint = prev.max + step;
    if (next.min < joint) add(`interpretation.${n}`, 'interpretation_overlap');
    else if (next.min > joint) add(`interpretation.${n}`, 'interpretation_gap');
  }
  if (sorted[0]!.min > span.min || sorted[sorted.length - 1]!.max < span.max) add('interpretation', 'interpretation_gap');
}
