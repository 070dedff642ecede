import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-states';
import { useErrorFeedback } from '@/lib/feedback';

type QueryBoundaryProps<TData> = {
  query: UseQueryResult<TData>;
  children: (data: TData) => ReactNode;
};

/** Loading and error states for one query, so each page only renders its data. */
export function QueryBoundary<TData>({ query, children }: QueryBoundaryProps<TData>) {
  const { t } = useTranslation();
  const { describeError } = useErrorFeedback();
  if (query.isPending) return <LoadingState label={t('common.loading')} />;
  if (query.isError) {
    return <ErrorState message={describeError(query.error)} retryLabel={t('common.retry')} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
