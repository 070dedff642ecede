import { FileText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useErrorFeedback } from '@/lib/feedback';
import { useSummarizeConversation } from './aiApi';

/** A ticket-shaped summary of the conversation, on request; says plainly when it is quoted rather than written. */
export function SummaryCard({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const summary = useSummarizeConversation(conversationId);
  const { describeError } = useErrorFeedback();

  return (
    <div className="grid gap-2" data-testid="conversation-summary">
      <Button variant="secondary" size="sm" className="justify-self-start" onClick={() => summary.mutate()} isLoading={summary.isPending}>
        <FileText aria-hidden />
        {summary.data ? t('insight.summary.again') : t('insight.summary.create')}
      </Button>
      {summary.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {describeError(summary.error)}
        </p>
      ) : null}
      {summary.data ? (
        <article className="grid gap-1 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm">
          <h4 className="font-semibold text-zinc-900" data-testid="summary-title">
            {summary.data.title}
          </h4>
          <p className="whitespace-pre-line text-zinc-700" data-testid="summary-description">
            {summary.data.description}
          </p>
          <div className="flex flex-wrap items-center gap-1 pt-1 text-[11px] text-zinc-500">
            {summary.data.extractive ? <Badge tone="warning">{t('insight.summary.extractive')}</Badge> : null}
            <span>{t('insight.summary.by', { provider: summary.data.provider, model: summary.data.model })}</span>
          </div>
        </article>
      ) : null}
    </div>
  );
}
