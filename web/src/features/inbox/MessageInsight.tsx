import { Info, Languages } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRead } from '@/api';
import { cn } from '@/lib/classNames';
import { useRetranslateMessage } from './aiApi';
import { isUnsure, languageName, percent, sentimentTone, sourceLabel } from './insight';

const TONE_STYLES = {
  negative: 'bg-red-50 text-red-700 ring-red-600/20',
  neutral: 'bg-zinc-100 text-zinc-600 ring-zinc-500/10',
  positive: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
} as const;

const DOT_STYLES = { negative: 'bg-red-500', neutral: 'bg-zinc-400', positive: 'bg-emerald-500' } as const;

const chip = 'inline-flex items-center gap-1 rounded-full px-1.5 py-px text-[11px] font-medium ring-1 ring-inset';

/** What the AI understood of a customer's message: intent, sentiment, language, and its translation. */
export function MessageInsight({ message }: { message: MessageRead }) {
  const { t, i18n } = useTranslation();
  const [showTranslation, setShowTranslation] = useState(false);
  const retranslate = useRetranslateMessage(message.conversation_id);
  const { insight, translation } = message;
  if (!insight) return null;

  const tone = sentimentTone(insight.sentiment);
  const language = languageName(insight.language, i18n.language);
  const translated = translation?.status === 'translated' ? translation : null;

  return (
    <div className="mt-1 grid gap-1" data-testid="message-insight">
      {translated && showTranslation ? (
        <p className="border-l-2 border-sky-400 pl-2 text-zinc-800" data-testid="message-translation" lang={translated.language}>
          {translated.text}
          <span className="block text-[11px] text-zinc-500">
            {t('insight.translatedFrom', { language, provider: translated.provider ?? '' })}
          </span>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-1">
        <span
          className={cn(chip, 'bg-sky-50 text-sky-800 ring-sky-600/20', isUnsure(insight.intent_confidence) && 'opacity-70')}
          title={t('insight.labelledBy', { source: sourceLabel(insight, 'intent') })}
          data-testid="insight-intent"
          data-intent={insight.intent}
        >
          {t(`insight.intents.${insight.intent}`, { defaultValue: insight.intent })}
          <span className="font-normal tabular-nums opacity-80">{percent(insight.intent_confidence)}</span>
        </span>
        <span
          className={cn(chip, TONE_STYLES[tone])}
          title={t('insight.sentimentScore', { score: insight.sentiment.toFixed(2), source: sourceLabel(insight, 'sentiment') })}
          data-testid="insight-sentiment"
          data-tone={tone}
        >
          <span className={cn('size-1.5 rounded-full', DOT_STYLES[tone])} aria-hidden />
          {t(`insight.sentiment.${tone}`)}
        </span>
        <span
          className={cn(chip, 'bg-white text-zinc-700 ring-zinc-300', isUnsure(insight.language_confidence) && 'opacity-70')}
          title={t('insight.languageConfidence', { confidence: percent(insight.language_confidence), source: sourceLabel(insight, 'language') })}
          data-testid="insight-language"
          data-language={insight.language}
        >
          <Languages className="size-3" aria-hidden />
          {language}
        </span>
        {translated ? (
          <button
            type="button"
            className="rounded px-1 text-[11px] font-medium text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
            onClick={() => setShowTranslation((shown) => !shown)}
            aria-pressed={showTranslation}
          >
            {showTranslation ? t('insight.hideTranslation') : t('insight.showTranslation')}
          </button>
        ) : null}
      </div>
      {translation?.status === 'unavailable' ? (
        <p className="text-[11px] leading-4 text-zinc-500" data-testid="translation-unavailable">
          <Info className="mr-1 inline size-3 align-[-2px]" aria-hidden />
          <span className="font-medium text-zinc-600">{t('insight.noTranslation')}:</span> {translation.reason}{' '}
          <button
            type="button"
            className="font-medium text-sky-700 hover:underline disabled:opacity-50"
            onClick={() => retranslate.mutate(message.id)}
            disabled={retranslate.isPending}
          >
            {t('insight.retryTranslation')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
