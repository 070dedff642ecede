import { useCallback, useReducer, useRef } from 'react';
import { toast } from '@/components/ui/toast';
import { useErrorFeedback } from '@/lib/feedback';
import { uploadDocument, useAddUploadedDocuments } from './api';
import { newUploadItems, uploadsReducer, withFileName } from './uploads';

let nextId = 0;
const makeId = () => `upload-${(nextId += 1)}`;

/**
 * The upload panel's files: each checked in the browser, then sent one after another in its own
 * request (with its own progress bar), so a slow connection finishes the first file first.
 */
export function useDocumentUploads() {
  const [items, dispatch] = useReducer(uploadsReducer, []);
  const { describeError } = useErrorFeedback();
  const addUploaded = useAddUploadedDocuments();
  const queue = useRef<Promise<void>>(Promise.resolve());
  const controllers = useRef(new Map<string, AbortController>());

  const addFiles = useCallback(
    (files: readonly File[], collection: string) => {
      const added = newUploadItems(files, makeId);
      dispatch({ type: 'add', items: added });
      added.forEach((item, index) => {
        if (item.state !== 'queued') return;
        const file = files[index]!;
        const controller = new AbortController();
        controllers.current.set(item.id, controller);
        queue.current = queue.current.then(async () => {
          if (controller.signal.aborted) return;
          dispatch({ type: 'start', id: item.id });
          try {
            const documents = await uploadDocument(file, collection, {
              signal: controller.signal,
              onProgress: ({ loaded, total }) => dispatch({ type: 'progress', id: item.id, loaded, total }),
            });
            dispatch({ type: 'uploaded', id: item.id, documentId: documents[0]?.id });
            addUploaded(documents);
          } catch (error) {
            if (error instanceof DOMException && error.name === 'AbortError') dispatch({ type: 'cancelled', id: item.id });
            else {
              const message = describeError(error);
              dispatch({ type: 'failed', id: item.id, error: message });
              toast.error(withFileName(file.name, message));
            }
          } finally {
            controllers.current.delete(item.id);
          }
        });
      });
    },
    [addUploaded, describeError],
  );

  const cancel = useCallback((id: string) => {
    const controller = controllers.current.get(id);
    if (!controller) return;
    controller.abort();
    controllers.current.delete(id);
    dispatch({ type: 'cancelled', id });
  }, []);

  const dismiss = useCallback((id: string) => dispatch({ type: 'dismiss', id }), []);
  const clearFinished = useCallback(() => dispatch({ type: 'clearFinished' }), []);

  return { items, addFiles, cancel, dismiss, clearFinished };
}
