/**
 * How an online-only console (admin console, office) says a failed call in words, and shows a
 * list that is loading, failed (with a retry) or ready. Each console passes its own words and
 * says which failures are followed by the server's message (the field it names).
 */
import type { ReactNode } from 'react';
import type { OnlineFailure, OnlineLoad } from '../data/useOnlineLoad';

export interface OnlineWords<C extends string> {
  readonly error: Readonly<Record<C, string>>;
  readonly retry: string;
  readonly loading: string;
}

interface ProblemProps<C extends string> {
  readonly failure: OnlineFailure<C>;
  readonly words: OnlineWords<C>;
  /** Codes whose server message (in English, naming the field) follows the sentence. */
  readonly detailed: readonly C[];
  readonly onRetry?: (() => void) | undefined;
}

export function OnlineProblem<C extends string>({ failure, words, detailed, onRetry }: ProblemProps<C>) {
  const detail = detailed.includes(failure.code) ? failure.message : null;
  return (
    <div role="alert" className="admin-problem">
      <p>
        {words.error[failure.code]}
        {detail ? ` (${detail})` : null}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {words.retry}
        </button>
      )}
    </div>
  );
}

export function OnlineLoaded<T, C extends string>({ data, words, detailed, onRetry, children }: {
  readonly data: OnlineLoad<T, C>;
  readonly words: OnlineWords<C>;
  readonly detailed: readonly C[];
  readonly onRetry: () => void;
  readonly children: (value: T) => ReactNode;
}) {
  if (data.state === 'loading') return <p className="muted" role="status">{words.loading}</p>;
  if (data.state === 'failed') return <OnlineProblem failure={data.failure} words={words} detailed={detailed} onRetry={onRetry} />;
  return <>{children(data.value)}</>;
}
