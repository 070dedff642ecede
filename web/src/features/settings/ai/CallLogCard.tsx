import { Activity } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryBoundary } from '../QueryBoundary';
import { useAiCalls } from './api';
import { CallLogFilters } from './CallLogFilters';
import { CallLogPager } from './CallLogPager';
import { CallLogTable } from './CallLogTable';
import { type CallFilters, callQuery, NO_FILTERS } from './callLog';

/** Recent AI calls, newest first; admins only (the API refuses agents). */
export function CallLogCard() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CallFilters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const calls = useAiCalls(callQuery(filters, offset));
  const isFiltered = filters.task !== NO_FILTERS.task || filters.provider !== NO_FILTERS.provider || filters.outcome !== NO_FILTERS.outcome;

  function changeFilters(next: CallFilters) {
    setFilters(next);
    setOffset(0);
  }

  return (
    <Card>
      <CardHeader title={t('aiSettings.calls.title')} description={t('aiSettings.calls.description')} />
      <CallLogFilters filters={filters} onChange={changeFilters} />
      <QueryBoundary query={calls}>
        {(page) =>
          page.items.length === 0 ? (
            isFiltered ? (
              <EmptyState
                icon={<Activity />}
                title={t('aiSettings.calls.noMatchTitle')}
                description={t('aiSettings.calls.noMatchDescription')}
                action={
                  <Button variant="secondary" size="sm" onClick={() => changeFilters(NO_FILTERS)}>
                    {t('aiSettings.calls.clearFilters')}
                  </Button>
                }
              />
            ) : (
              <EmptyState icon={<Activity />} title={t('aiSettings.calls.emptyTitle')} description={t('aiSettings.calls.emptyDescription')} />
            )
          ) : (
            <>
              <CallLogTable calls={page.items} isRefreshing={calls.isPlaceholderData} />
              <CallLogPager offset={offset} shown={page.items.length} total={page.total} nextOffset={page.next_offset} onChange={setOffset} />
            </>
          )
        }
      </QueryBoundary>
    </Card>
  );
}
