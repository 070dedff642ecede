import { cn } from '@/lib/classNames';

const TONES = {
  green: 'bg-emerald-500',
  amber: 'bg-amber-400',
  grey: 'bg-zinc-400',
} as const;

export function StatusDot({ tone, className }: { tone: keyof typeof TONES; className?: string }) {
  return <span className={cn('inline-block size-2 shrink-0 rounded-full', TONES[tone], className)} aria-hidden />;
}
