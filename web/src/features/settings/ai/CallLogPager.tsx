import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { pageRange, previousOffset } from './callLog';

type CallLogPagerProps = { offset: number; shown: number; total: number; nextOffset: number | null; onChange: (offset: number) => void };

export function CallLogPager({ offset, shown, total, nextOffset, onChange }: CallLogPagerProps) {
  const { t, i18n } = useTranslation();
  const { from, to } = pageRange(offset, shown);
  const previous = previousOffset(offset);
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <nav className="flex flex-wrap items-center justify-between gap-2 border-t border-zinc-100 px-4 py-3 sm:px-6" aria-label={t('aiSettings.calls.pages')}>
      <p className="text-sm text-zinc-600" data-testid="call-range">
        {t('aiSettings.calls.range', { from: number.format(from), to: number.format(to), total: number.format(total) })}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={previous === null} onClick={() => previous !== null && onChange(previous)}>
          <ChevronLeft aria-hidden />
          {t('aiSettings.calls.newer')}
        </Button>
        <Button variant="secondary" size="sm" disabled={nextOffset === null} onClick={() => nextOffset !== null && onChange(nextOffset)}>
          {t('aiSettings.calls.older')}
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
