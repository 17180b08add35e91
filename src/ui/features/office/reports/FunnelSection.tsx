/**
 * The supervisor's engagement funnel for a range of days (the last 4 weeks at first), "data as
 * of" the server's time (FunnelReport.tsx). Loaded online through the worker; offline or failed
 * loads say so with a retry (OfficeLoaded).
 */
import { useCallback, useState } from 'react';
import type { FunnelQuery } from '../../../../worker/client';
import { useServices } from '../../../data/AppServices';
import { useI18n } from '../../../i18n/I18n';
import { OfficeLoaded } from '../OfficeProblem';
import { OFFICE_TEXT } from '../officeText';
import { dateTimeIn } from '../teamTable';
import { useOfficeLoad } from '../useOfficeLoad';
import { localToday, presetRange } from './dateRange';
import { DateRangeForm } from './DateRangeForm';
import { FunnelReport } from './FunnelReport';
import { reportFormat } from './reportFormat';
import { REPORTS_TEXT } from './reportsText';

export function FunnelSection() {
  const { worker } = useServices();
  const { locale } = useI18n();
  const words = REPORTS_TEXT[locale];
  const [query, setQuery] = useState<FunnelQuery>(() => presetRange('last4Weeks', localToday(new Date())));
  const funnel = useOfficeLoad(useCallback(() => worker.officeFunnel(query), [worker, query]));
  const f = reportFormat(locale);

  return (
    <section aria-labelledby="office-funnel-title" className="report">
      <h1 id="office-funnel-title">{words.funnelTitle}</h1>
      <DateRangeForm value={query} onApply={setQuery} />
      <OfficeLoaded data={funnel.data} onRetry={funnel.reload}>
        {(value) => (
          <>
            <p>
              {words.rangeShown(f.day(query.from), f.day(query.to))} {OFFICE_TEXT[locale].dataAsOf(dateTimeIn(locale, value.dataAsOf))}
            </p>
            <FunnelReport funnel={value} locale={locale} />
          </>
        )}
      </OfficeLoaded>
    </section>
  );
}
