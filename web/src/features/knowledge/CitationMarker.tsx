import { cn } from '@/lib/classNames';

/** The [n] that ties a sentence of the answer to its source card. */
export function CitationMarker({ number, className }: { number: number; className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex h-4 min-w-4 items-center justify-center rounded bg-emerald-100 px-1 align-text-top text-[0.65rem] font-semibold leading-none text-emerald-800',
        className,
      )}
    >
      [{number}]
    </span>
  );
}
