import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { answerQuestion, deleteDocument, listDocuments, uploadForm, type DocumentRead, type QuestionCreate, type UploadProgress } from '@/api';
import { type KnowledgeDocument, pollInterval } from './documents';

const DOCUMENTS_URL = '/api/v1/knowledge/documents';

export const documentsQueryKey = ['knowledge', 'documents'] as const;

/** Polls every 1.5 s while a document is processing, and not at all otherwise. */
export function useDocuments() {
  return useQuery({
    queryKey: documentsQueryKey,
    queryFn: async () => (await listDocuments()).data,
    refetchInterval: (query) => pollInterval(query.state.data),
  });
}

type TransferOptions = { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal };

/** One file per request, so each has its own progress and its own error. */
export function uploadDocument(file: File, collection: string, options: TransferOptions): Promise<DocumentRead[]> {
  const form = new FormData();
  form.append('files', file, file.name);
  if (collection.trim()) form.append('collection', collection.trim());
  return uploadForm<DocumentRead[]>(DOCUMENTS_URL, form, options);
}

/** A new version: the old one keeps answering until this one is ready. */
export function replaceDocumentFile(documentId: string, file: File, options: TransferOptions): Promise<DocumentRead> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm<DocumentRead>(`${DOCUMENTS_URL}/${encodeURIComponent(documentId)}/file`, form, { ...options, method: 'PUT' });
}

/** Puts freshly uploaded documents at the top at once, then refetches (which starts the polling). */
export function useAddUploadedDocuments() {
  const queryClient = useQueryClient();
  return useCallback(
    (added: KnowledgeDocument[]) => {
      queryClient.setQueryData<KnowledgeDocument[]>(documentsQueryKey, (documents) => [
        ...added,
        ...(documents ?? []).filter((document) => !added.some((item) => item.id === document.id)),
      ]);
      void queryClient.invalidateQueries({ queryKey: documentsQueryKey });
    },
    [queryClient],
  );
}

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (documentId: string) => {
      await deleteDocument({ path: { document_id: documentId } });
    },
    onSuccess: (_, documentId) => {
      queryClient.setQueryData<KnowledgeDocument[]>(documentsQueryKey, (documents) => documents?.filter((document) => document.id !== documentId));
      void queryClient.invalidateQueries({ queryKey: documentsQueryKey });
    },
  });
}

export function useAskQuestion() {
  return useMutation({
    mutationFn: async (body: QuestionCreate) => (await answerQuestion({ body })).data,
  });
}
