import { FileUp } from 'lucide-react';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/classNames';
import { ACCEPT_ATTRIBUTE, formatFileSize, MAX_UPLOAD_BYTES } from './documents';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/** Drop several files here, or pick them; either way they go to `onFiles`. */
export function DocumentDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t, i18n } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [isDragging, setIsDragging] = useState(false);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  }

  return (
    <div
      data-testid="document-drop-zone"
      onDragEnter={(event) => {
        if (hasFiles(event)) setIsDragging(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsDragging(false);
      }}
      onDrop={onDrop}
      className={cn(
        'flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors',
        isDragging ? 'border-emerald-500 bg-emerald-50' : 'border-zinc-300 bg-zinc-50/60',
      )}
    >
      <span className="rounded-full bg-emerald-50 p-2.5 text-emerald-700" aria-hidden>
        <FileUp className="size-5" />
      </span>
      <p className="text-sm font-medium text-zinc-900">{isDragging ? t('knowledge.upload.dropNow') : t('knowledge.upload.dropHere')}</p>
      <p className="text-xs text-zinc-500">{t('knowledge.upload.accepted', { limit: formatFileSize(MAX_UPLOAD_BYTES, i18n.language) })}</p>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        data-testid="document-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <Button type="button" variant="secondary" size="sm" className="mt-1" onClick={() => inputRef.current?.click()}>
        {t('knowledge.upload.choose')}
      </Button>
    </div>
  );
}
