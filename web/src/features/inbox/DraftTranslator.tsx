import { Languages, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/features/auth';
import { useErrorFeedback } from '@/lib/feedback';
import { useTranslateDraft } from './aiApi';
import type { Conversation } from './api';
import { languageName } from './insight';

type DraftTranslatorProps = {
  conversation: Conversation;
  draft: string;
  onTranslated: (text: string) => void;
};

/**
 * "Translate to Swahili" under the reply box when the customer writes in another language than the
 * workspace: the draft is replaced by its translation for the agent to check, and can be undone.
 */
export function DraftTranslator({ conversation, draft, onTranslated }: DraftTranslatorProps) {
  const { t, i18n } = useTranslation();
  const workspaceLanguage = useSession().workspace.language;
  const translate = useTranslateDraft(conversation.id);
  const { describeError } = useErrorFeedback();
  const [original, setOriginal] = useState<{ text: string; provider: string } | null>(null);
  const customerLanguage = conversation.language;
  if (!customerLanguage || customerLanguage === workspaceLanguage) return null;
  const language = languageName(customerLanguage, i18n.language);

  if (original) {
    return (
      <p className="flex flex-wrap items-center gap-x-2 px-1 text-xs text-sky-800" data-testid="draft-translated">
        {t('insight.draft.translated', { language, provider: original.provider })}
        <button
          type="button"
          className="inline-flex items-center gap-1 font-medium hover:underline"
          onClick={() => {
            onTranslated(original.text);
            setOriginal(null);
          }}
        >
          <Undo2 className="size-3" aria-hidden />
          {t('insight.draft.undo')}
        </button>
      </p>
    );
  }
  return (
    <div className="grid gap-0.5 px-1 text-xs">
      <button
        type="button"
        className="inline-flex items-center gap-1 justify-self-start font-medium text-sky-700 hover:underline disabled:opacity-50"
        disabled={!draft.trim() || translate.isPending}
        onClick={() =>
          translate.mutate(draft.trim(), {
            onSuccess: (result) => {
              setOriginal({ text: draft, provider: result.provider });
              onTranslated(result.text);
            },
          })
        }
      >
        <Languages className="size-3.5" aria-hidden />
        {translate.isPending ? t('insight.draft.translating') : t('insight.draft.translate', { language })}
      </button>
      {translate.isError ? (
        <p role="alert" className="text-zinc-600" data-testid="draft-translation-error">
          {describeError(translate.error)}
        </p>
      ) : null}
    </div>
  );
}
