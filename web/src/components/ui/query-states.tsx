import { CircleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';
import { EmptyState } from './empty-state';
import { Spinner } from './spinner';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="flex items-center justify-center gap-2 px-6 py-10 text-sm text-zinc-500">
      <Spinner className="text-emerald-600" />
      <span>{label}</span>
    </div>
  );
}

type ErrorStateProps = {
  message: ReactNode;
  retryLabel: string;
  onRetry: () => void;
};

export function ErrorState({ message, retryLabel, onRetry }: ErrorStateProps) {
  return (
    <EmptyState
      icon={<CircleAlert />}
      tone="danger"
      title={message}
      action={
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {retryLabel}
        </Button>
      }
    />
  );
}
