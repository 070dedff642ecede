import { useCallback, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { replaceDocumentFile, useAddUploadedDocuments } from './api';
import { checkDocumentFile, type KnowledgeDocument } from './documents';
import { progressPercent, withFileName } from './uploads';
import { useFileCheckMessage } from './useFileCheckMessage';

/** Uploads a new version of one document; `percent` is null when nothing is being sent. */
export function useReplaceDocument(document: KnowledgeDocument) {
  const [percent, setPercent] = useState<number | null>(null);
  const { describeError } = useErrorFeedback();
  const fileCheckMessage = useFileCheckMessage();
  const addUploaded = useAddUploadedDocuments();

  const replace = useCallback(
    async (file: File) => {
      const check = checkDocumentFile(file);
      if (!check.ok) {
        toast.error(fileCheckMessage(file.name, check));
        return;
      }
      setPercent(0);
      try {
        const replacement = await replaceDocumentFile(document.id, file, {
          onProgress: ({ loaded, total }) => setPercent(progressPercent(loaded, total)),
        });
        addUploaded([replacement]);
      } catch (error) {
        toast.error(withFileName(file.name, describeError(error)));
      } finally {
        setPercent(null);
      }
    },
    [addUploaded, describeError, document.id, fileCheckMessage],
  );

  return { replace, percent };
}
