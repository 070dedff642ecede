import type { ReactNode } from 'react';
import { cn } from '@/lib/classNames';

type EmptyStateProps = {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
};

export function EmptyState({ icon, title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cn('flex flex-col items-center gap-2 px-6 py-10 text-center', className)}>
      {icon ? <div className="mb-1 rounded-full bg-emerald-50 p-3 text-emerald-700 [&_svg]:size-5">{icon}</div> : null}
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {description ? <p className="max-w-sm text-sm text-zinc-600">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
