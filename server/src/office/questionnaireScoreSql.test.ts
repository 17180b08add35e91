/**
 * The server's SQL score agrees with the domain's scoreResponse, answer set by answer set, for
 * the satisfaction questionnaire (the one the metrics score) and the scored others.
 */
import { expect, it } from 'vitest';
import { QUESTIONNAIRES, scoreResponse, type Answers } from '../../../src/domain/questionnaires';
import { satisfaction } from '../../../src/domain/questionnaires/satisfaction';
import { describeEachDb } from '../../test/testDb';
import { questionnaireScoreSql } from './questionnaireScoreSql';

const SATISFACTION_ANSWERS: Answers[] = [
  {},
  { visit_helpful: 5 },
  { visit_helpful: 5, explained_clearly: 4 },
  { visit_helpful: 5, explained_clearly: 4, felt_respected: 3 },
  { visit_helpful: 5, explained_clearly: 4, felt_respected: 3, would_recommend: 2, easy_to_reach: 1, comments: 'ok' },
  { visit_helpful: 5, explained_clearly: 0, felt_respected: 6, would_recommend: 2.5, easy_to_reach: '4' },
  { visit_helpful: 1, explained_clearly: 2, felt_respected: 2, would_recommend: 'x', comments: 'fine' },
];

describeEachDb('questionnaire scores in SQL', (current) => {
  const sqlScore = async (sql: string, answers: Answers) => {
    const [row] = await current().db.query<{ score: number | null }>(`select (${sql})::float8 as score from (select $1::jsonb as answers) a`, [JSON.stringify(answers)]);
    return row?.score ?? null;
  };

  it('scores satisfaction responses as scoreResponse does', async () => {
    const sql = questionnaireScoreSql(satisfaction, 'a.answers');
    for (const answers of SATISFACTION_ANSWERS) {
      const expected = scoreResponse(satisfaction, answers).score;
      const got = await sqlScore(sql, answers);
      if (expected === null) expect(got, JSON.stringify(answers)).toBeNull();
      else expect(got, JSON.stringify(answers)).toBeCloseTo(expected, 12);
    }
  });

  it('scores the other sum and mean questionnaires as scoreResponse does', async () => {
    for (const def of QUESTIONNAIRES.filter((q) => q.scoring.kind === 'sum' || q.scoring.kind === 'mean')) {
      const sql = questionnaireScoreSql(def, 'a.answers');
      const first: Record<string, string | number> = {};
      const last: Record<string, string | number> = {};
      for (const item of def.items) {
        if (item.type === 'scale') [first[item.id], last[item.id]] = [item.min, item.max];
        if (item.type === 'choice') [first[item.id], last[item.id]] = [item.options[0]?.code ?? '', item.options.at(-1)?.code ?? ''];
      }
      for (const answers of [{}, first, last]) {
        const expected = scoreResponse(def, answers).score;
        const got = await sqlScore(sql, answers);
        if (expected === null) expect(got, `${def.id} ${JSON.stringify(answers)}`).toBeNull();
        else expect(got, `${def.id} ${JSON.stringify(answers)}`).toBeCloseTo(expected, 12);
      }
    }
  });
});
