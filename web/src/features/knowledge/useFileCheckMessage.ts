import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type FileCheck, formatFileSize } from './documents';

/** Why the browser refused a file, in words, with its name. */
export function useFileCheckMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (name: string, check: Exclude<FileCheck, { ok: true }>): string => {
      switch (check.reason) {
        case 'empty':
          return t('knowledge.upload.rejected.empty', { name });
        case 'size':
          return t('knowledge.upload.rejected.size', { name, limit: formatFileSize(check.maxBytes, i18n.language) });
        case 'type':
          return t('knowledge.upload.rejected.type', { name });
      }
    },
    [t, i18n.language],
  );
}
