import { cn } from '@/lib/classNames';

/** A thin bar for one file's upload; the label names the file for screen readers. */
export function TransferProgressBar({ percent, label, className }: { percent: number; label: string; className?: string }) {
  return (
    <div
      className={cn('h-1.5 overflow-hidden rounded-full bg-zinc-200', className)}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={label}
    >
      <div className="h-full bg-emerald-600 transition-[width]" style={{ width: `${percent}%` }} />
    </div>
  );
}
