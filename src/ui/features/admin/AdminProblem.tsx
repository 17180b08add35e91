/** One place that says an admin failure in words; the server's message (naming the field) follows a refusal. */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18n';
import { ADMIN_TEXT } from './adminText';
import type { AdminFailure, AdminLoad } from './useAdminLoad';

export function AdminProblem({ failure, onRetry }: { failure: AdminFailure; onRetry?: () => void }) {
  const text = ADMIN_TEXT[useI18n().locale];
  const detail = failure.code === 'invalid' || failure.code === 'not_found' ? failure.message : null;
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
export function Loaded<T>({ data, onRetry, children }: {
  data: AdminLoad<T>;
  onRetry: () => void;
  children: (value: T) => ReactNode;
}) {
  const text = ADMIN_TEXT[useI18n().locale];
  if (data.state === 'loading') return <p className="muted" role="status">{text.loading}</p>;
  if (data.state === 'failed') return <AdminProblem failure={data.failure} onRetry={onRetry} />;
  return <>{children(data.value)}</>;
}
