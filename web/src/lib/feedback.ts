import { useCallback } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toast } from '@/components/ui/toast';

type ErrorLike = { code?: unknown; message?: unknown; fields?: unknown };

function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as ErrorLike | null)?.fields;
  return typeof fields === 'object' && fields !== null ? (fields as Record<string, string>) : {};
}

/**
 * Toasts show the server's own `message`; field errors go under their field, and only the
 * ones the form has no field for end up in the toast.
 */
export function useErrorFeedback() {
  const { t } = useTranslation();

  const describeError = useCallback(
    (error: unknown): string => {
      const { code, message } = (error ?? {}) as ErrorLike;
      if (code === 'network_error') return t('errors.network');
      if (typeof message === 'string' && message) return message;
      return t('errors.unknown');
    },
    [t],
  );

  const showError = useCallback((error: unknown) => toast.error(describeError(error)), [describeError]);

  const showFormError = useCallback(
    <TValues extends FieldValues>(error: unknown, setError: UseFormSetError<TValues>, knownFields: readonly Path<TValues>[]) => {
      const unplaced: string[] = [];
      let placedCount = 0;
      for (const [name, message] of Object.entries(fieldErrorsOf(error))) {
        if ((knownFields as readonly string[]).includes(name)) {
          setError(name as Path<TValues>, { type: 'server', message }, { shouldFocus: placedCount === 0 });
          placedCount += 1;
        } else {
          unplaced.push(message);
        }
      }
      if (placedCount === 0) showError(error);
      else if (unplaced.length > 0) toast.error(unplaced.join(' '));
    },
    [showError],
  );

  return { describeError, showError, showFormError };
}
