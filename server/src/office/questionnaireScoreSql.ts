/**
 * A questionnaire's score as a SQL expression over a response's stored answers, built from the
 * questionnaire's definition (src/domain/questionnaires) so the server scores a response the
 * way the domain's scoreResponse does, rather than trusting the number a device stored beside
 * the answers. Answers that do not fit an item (a rating out of range, not a whole number, an
 * unknown option) carry no points, as in domain/questionnaires/answers.ts's pointsFor.
 *
 * Only the rules the metrics use are supported ('mean' and 'sum'); the generated SQL is
 * checked against scoreResponse in questionnaireScoreSql.test.ts.
 */
import type { QuestionnaireDefinition, QuestionnaireItem } from '../../../src/domain/questionnaire';

/** A SQL string literal (definitions are code, but quote them properly all the same). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The points one item's answer carries, or null: pointsFor in SQL. */
function pointsSql(item: QuestionnaireItem, answers: string): string | null {
  const value = `${answers}->${literal(item.id)}`;
  const text = `${answers}->>${literal(item.id)}`;
  switch (item.type) {
    case 'scale':
      // Nested: only a CASE guarantees the cast never sees a string (AND has no fixed order).
      return `case when jsonb_typeof(${value}) = 'number' then
                case when (${text})::numeric between ${item.min} and ${item.max}
                      and (${text})::numeric = trunc((${text})::numeric) then (${text})::numeric end end`;
    case 'choice': {
      if (!item.options.every((o) => o.score !== undefined)) return null;
      const whens = item.options.map((o) => `when ${literal(o.code)} then ${o.score ?? 0}`).join(' ');
      return `case when jsonb_typeof(${value}) = 'string' then case ${text} ${whens} end end`;
    }
    case 'text':
      return null;
  }
}

/** The response's score (numeric, or null when the rule gives none), from `answers` (a jsonb expression). */
export function questionnaireScoreSql(definition: QuestionnaireDefinition, answers: string): string {
  const points = definition.items.map((i) => pointsSql(i, answers)).filter((p): p is string => p !== null);
  if (points.length === 0) throw new Error(`questionnaire ${definition.id} has no scorable item`);
  const values = points.map((p) => `(${p})`).join(',\n                 ');
  const rule = definition.scoring;
  switch (rule.kind) {
    case 'mean':
      return `(select case when count(v) > 0 and count(v) >= ${rule.minAnswered} then avg(v) end
                 from (values ${values}) points(v))`;
    case 'sum':
      return `(select sum(v) from (values ${values}) points(v))`;
    default:
      throw new Error(`questionnaire ${definition.id}: scoring '${rule.kind}' has no SQL form`);
  }
}
