/** The office's failures in words (components/OnlineProblem.tsx); only a refusal of the input adds the server's message. */
import type { ReactNode } from 'react';
import { OnlineLoaded, OnlineProblem } from '../../components/OnlineProblem';
import { useI18n } from '../../i18n/I18n';
import type { OfficeErrorCode } from '../../../worker/client';
import { OFFICE_TEXT } from './officeText';
import type { OfficeFailure, OfficeLoad } from './useOfficeLoad';

const DETAILED: readonly OfficeErrorCode[] = ['invalid'];

export function OfficeProblem({ failure, onRetry }: { failure: OfficeFailure; onRetry?: () => void }) {
  return <OnlineProblem failure={failure} words={OFFICE_TEXT[useI18n().locale]} detailed={DETAILED} onRetry={onRetry} />;
}

/** Loading, failed (with a retry) or the content. */
export function OfficeLoaded<T>({ data, onRetry, children }: { data: OfficeLoad<T>; onRetry: () => void; children: (value: T) => ReactNode }) {
  return <OnlineLoaded data={data} words={OFFICE_TEXT[useI18n().locale]} detailed={DETAILED} onRetry={onRetry}>{children}</OnlineLoaded>;
}
