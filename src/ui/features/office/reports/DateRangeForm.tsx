/**
 * The range of days a report covers: quick ranges (this week, last 4 weeks, this quarter) that
 * apply at once, or two labelled dates applied with "Show". A range the server would refuse
 * (start after end, longer than a year, a date missing) is said in words next to the dates and
 * nothing is asked. The Overview adds how many days a no-show's follow-up may take.
 */
import { useId, useState, type FormEvent } from 'react';
import { FOLLOW_UP_DAYS_MAX, METRICS_RANGE_MAX_DAYS } from '../../../../protocol/officeMetrics';
import { useI18n } from '../../../i18n/I18n';
import { localToday, presetRange, RANGE_PRESETS, rangeProblem, type DateRange, type RangePreset } from './dateRange';
import { REPORTS_TEXT } from './reportsText';

export interface ReportQuery extends DateRange {
  /** Only the Overview asks for it. */
  readonly followUpDays?: number;
}

export function DateRangeForm<Q extends ReportQuery>({ value, onApply }: { value: Q; onApply: (next: Q) => void }) {
  const { locale } = useI18n();
  const words = REPORTS_TEXT[locale];
  const id = useId();
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const [followUp, setFollowUp] = useState(value.followUpDays === undefined ? '' : String(value.followUpDays));
  const [tried, setTried] = useState(false);

  const problem = rangeProblem({ from, to });
  // A missing date is said after "Show"; a complete range that cannot be asked for, at once.
  const shownProblem = problem === 'missing' ? (tried ? problem : null) : problem;
  const days = Number(followUp);
  const followUpBad = value.followUpDays !== undefined && !(Number.isInteger(days) && days >= 1 && days <= FOLLOW_UP_DAYS_MAX);

  function apply(next: DateRange) {
    onApply({ ...value, ...next, ...(value.followUpDays === undefined ? {} : { followUpDays: days }) });
  }

  function submit(ev: FormEvent) {
    ev.preventDefault();
    setTried(true);
    if (problem === null && !followUpBad) apply({ from, to });
  }

  function choose(preset: RangePreset) {
    const next = presetRange(preset, localToday(new Date()));
    setFrom(next.from);
    setTo(next.to);
    setTried(false);
    if (!followUpBad) apply(next);
  }

  const problemText =
    shownProblem === null ? null : shownProblem === 'tooLong' ? words.rangeProblem.tooLong(METRICS_RANGE_MAX_DAYS) : words.rangeProblem[shownProblem];

  return (
    <form className="report-range" onSubmit={submit} noValidate>
      <fieldset className="report-range__presets">
        <legend>{words.presets}</legend>
        {RANGE_PRESETS.map((p) => (
          <button key={p} type="button" className="button" onClick={() => choose(p)}>
            {words.preset[p]}
          </button>
        ))}
      </fieldset>
      <fieldset className="report-range__dates">
        <legend>{words.range}</legend>
        <label className="field field--inline" htmlFor={`${id}-from`}>
          {words.from}
          <input id={`${id}-from`} type="date" value={from} onChange={(ev) => setFrom(ev.target.value)} aria-invalid={shownProblem !== null}
            aria-describedby={problemText ? `${id}-problem` : undefined} />
        </label>
        <label className="field field--inline" htmlFor={`${id}-to`}>
          {words.to}
          <input id={`${id}-to`} type="date" value={to} onChange={(ev) => setTo(ev.target.value)} aria-invalid={shownProblem !== null}
            aria-describedby={problemText ? `${id}-problem` : undefined} />
        </label>
        {value.followUpDays !== undefined && (
          <label className="field field--inline" htmlFor={`${id}-follow-up`}>
            {words.followUpDays}
            <input id={`${id}-follow-up`} type="number" inputMode="numeric" min={1} max={FOLLOW_UP_DAYS_MAX} step={1} value={followUp}
              onChange={(ev) => setFollowUp(ev.target.value)} aria-invalid={followUpBad} aria-describedby={followUpBad ? `${id}-follow-up-problem` : undefined} />
          </label>
        )}
        <button type="submit" className="button button--primary">
          {words.show}
        </button>
      </fieldset>
      {problemText && (
        <p id={`${id}-problem`} role="alert" className="error">
          {problemText}
        </p>
      )}
      {followUpBad && (
        <p id={`${id}-follow-up-problem`} role="alert" className="error">
          {words.followUpProblem}
        </p>
      )}
    </form>
  );
}
