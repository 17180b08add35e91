/** The admin console's failures in words (components/OnlineProblem.tsx); a refusal or "not found" adds the server's message. */
import type { ReactNode } from 'react';
import { OnlineLoaded, OnlineProblem } from '../../components/OnlineProblem';
import { useI18n } from '../../i18n/I18n';
import type { AdminErrorCode } from '../../../worker/client';
import { ADMIN_TEXT } from './adminText';
import type { AdminFailure, AdminLoad } from './useAdminLoad';

const DETAILED: readonly AdminErrorCode[] = ['invalid', 'not_found'];

export function AdminProblem({ failure, onRetry }: { failure: AdminFailure; onRetry?: () => void }) {
  return <OnlineProblem failure={failure} words={ADMIN_TEXT[useI18n().locale]} detailed={DETAILED} onRetry={onRetry} />;
}

/** Loading, failed (with a retry) or the content. */
export function Loaded<T>({ data, onRetry, children }: { data: AdminLoad<T>; onRetry: () => void; children: (value: T) => ReactNode }) {
  return <OnlineLoaded data={data} words={ADMIN_TEXT[useI18n().locale]} detailed={DETAILED} onRetry={onRetry}>{children}</OnlineLoaded>;
}
