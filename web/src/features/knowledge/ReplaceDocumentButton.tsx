import { FileUp } from 'lucide-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { ACCEPT_ATTRIBUTE } from './documents';

type ReplaceDocumentButtonProps = {
  filename: string;
  /** A failed document has nothing to keep answering with; the hint says so. */
  isFailed: boolean;
  isBusy: boolean;
  onFile: (file: File) => void;
};

/** Picks the new version of a document; the upload itself is the row's (see useReplaceDocument). */
export function ReplaceDocumentButton({ filename, isFailed, isBusy, onFile }: ReplaceDocumentButtonProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        data-testid="replace-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button
        variant="ghost"
        size="sm"
        className="px-2"
        isLoading={isBusy}
        aria-label={t('knowledge.replace.labelFor', { name: filename })}
        title={isFailed ? t('knowledge.replace.hintFailed') : t('knowledge.replace.hint')}
        onClick={() => inputRef.current?.click()}
      >
        {isBusy ? null : <FileUp aria-hidden />}
        <span className="hidden sm:inline">{t('knowledge.replace.action')}</span>
      </Button>
    </>
  );
}
