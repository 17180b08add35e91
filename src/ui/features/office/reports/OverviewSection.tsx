/**
 * The supervisor's Overview for a range of days (the last 4 weeks at first): the range and
 * follow-up days, "data as of" the server's time, then the numbers (OverviewReport.tsx). Loaded
 * online through the worker; offline or failed loads say so with a retry (OfficeLoaded).
 */
import { useCallback, useState } from 'react';
import { FOLLOW_UP_DAYS_DEFAULT } from '../../../../protocol/officeMetrics';
import type { OverviewQuery } from '../../../../worker/client';
import { useServices } from '../../../data/AppServices';
import { useI18n } from '../../../i18n/I18n';
import { OfficeLoaded } from '../OfficeProblem';
import { OFFICE_TEXT } from '../officeText';
import { dateTimeIn } from '../teamTable';
import { useOfficeLoad } from '../useOfficeLoad';
import { localToday, presetRange } from './dateRange';
import { DateRangeForm } from './DateRangeForm';
import { OverviewReport } from './OverviewReport';
import { reportFormat } from './reportFormat';
import { REPORTS_TEXT } from './reportsText';

export function OverviewSection() {
  const { worker } = useServices();
  const { locale } = useI18n();
  const words = REPORTS_TEXT[locale];
  const [query, setQuery] = useState<OverviewQuery>(() => ({ ...presetRange('last4Weeks', localToday(new Date())), followUpDays: FOLLOW_UP_DAYS_DEFAULT }));
  const overview = useOfficeLoad(useCallback(() => worker.officeOverview(query), [worker, query]));
  const f = reportFormat(locale);

  return (
    <section aria-labelledby="office-overview-title" className="report">
      <h1 id="office-overview-title">{words.overviewTitle}</h1>
      <DateRangeForm value={query} onApply={setQuery} />
      <OfficeLoaded data={overview.data} onRetry={overview.reload}>
        {(o) => (
          <>
            <p>
              {words.rangeShown(f.day(query.from), f.day(query.to))} {OFFICE_TEXT[locale].dataAsOf(dateTimeIn(locale, o.dataAsOf))}
            </p>
            <OverviewReport o={o} locale={locale} />
          </>
        )}
      </OfficeLoaded>
    </section>
  );
}
