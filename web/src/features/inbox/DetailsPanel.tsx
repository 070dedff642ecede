import { ArrowLeft, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { LoadingState } from '@/components/ui/query-states';
import { useConversation } from './api';
import { ContactCard } from './ContactCard';
import { ConversationActions } from './ConversationActions';
import { SummaryCard } from './SummaryCard';

/** Right pane: the contact and what can be done with the conversation. */
export function DetailsPanel({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const conversation = useConversation(conversationId);
  return (
    <div className="flex min-h-0 flex-1 flex-col bg-white" data-testid="details-panel">
      <header className="flex items-center gap-2 border-b border-zinc-200 px-2 py-2 sm:px-4">
        <Button variant="ghost" size="icon" className="md:hidden" onClick={onClose} aria-label={t('inbox.details.back')}>
          <ArrowLeft aria-hidden />
        </Button>
        <h2 className="flex-1 py-1.5 text-sm font-semibold text-zinc-900">{t('inbox.details.title')}</h2>
        <Button variant="ghost" size="icon" className="hidden md:inline-flex xl:hidden" onClick={onClose} aria-label={t('inbox.details.close')}>
          <X aria-hidden />
        </Button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {conversation.data ? (
          <div className="grid gap-6 p-4">
            <section aria-labelledby="details-contact" className="grid gap-3">
              <h3 id="details-contact" className="text-xs font-medium uppercase tracking-wide text-zinc-500">
                {t('inbox.details.contact')}
              </h3>
              <ContactCard contactId={conversation.data.contact.id} />
            </section>
            <section aria-labelledby="details-conversation" className="grid gap-3 border-t border-zinc-100 pt-5">
              <h3 id="details-conversation" className="text-xs font-medium uppercase tracking-wide text-zinc-500">
                {t('inbox.details.conversation')}
              </h3>
              <ConversationActions conversation={conversation.data} />
            </section>
            <section aria-labelledby="details-summary" className="grid gap-3 border-t border-zinc-100 pt-5">
              <h3 id="details-summary" className="text-xs font-medium uppercase tracking-wide text-zinc-500">
                {t('inbox.details.summary')}
              </h3>
              <SummaryCard conversationId={conversationId} />
            </section>
          </div>
        ) : (
          <LoadingState label={t('common.loading')} />
        )}
      </div>
    </div>
  );
}
