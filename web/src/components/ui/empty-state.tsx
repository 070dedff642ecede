import type { ReactNode } from 'react';
import { cn } from '@/lib/classNames';

const ICON_TONES = {
  accent: 'bg-emerald-50 text-emerald-700',
  danger: 'bg-red-50 text-red-600',
} as const;

type EmptyStateProps = {
  icon?: ReactNode;
  tone?: keyof typeof ICON_TONES;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
};

export function EmptyState({ icon, tone = 'accent', title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cn('flex flex-col items-center gap-2 px-6 py-10 text-center', className)}>
      {icon ? <div className={cn('mb-1 rounded-full p-3 [&_svg]:size-5', ICON_TONES[tone])}>{icon}</div> : null}
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {description ? <p className="max-w-sm text-sm text-zinc-600">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
