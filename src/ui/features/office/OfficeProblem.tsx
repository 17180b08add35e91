/** One place that says an office failure in words; the server's message (naming the field) follows a refusal of the input. */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18n';
import { OFFICE_TEXT } from './officeText';
import type { OfficeFailure, OfficeLoad } from './useOfficeLoad';

export function OfficeProblem({ failure, onRetry }: { failure: OfficeFailure; onRetry?: () => void }) {
  const text = OFFICE_TEXT[useI18n().locale];
  // Only an input refusal adds the server's (English) words; the other codes are said in full.
  const detail = failure.code === 'invalid' ? failure.message : null;
  return (
    <div role="alert" className="admin-problem">
      <p>
        {text.error[failure.code]}
        {detail ? ` (${detail})` : null}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {text.retry}
        </button>
      )}
    </div>
  );
}

/** Loading, failed (with a retry) or the content. */
export function OfficeLoaded<T>({ data, onRetry, children }: {
  data: OfficeLoad<T>;
  onRetry: () => void;
  children: (value: T) => ReactNode;
}) {
  const text = OFFICE_TEXT[useI18n().locale];
  if (data.state === 'loading') return <p className="muted" role="status">{text.loading}</p>;
  if (data.state === 'failed') return <OfficeProblem failure={data.failure} onRetry={onRetry} />;
  return <>{children(data.value)}</>;
}
