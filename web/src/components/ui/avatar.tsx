import { cn } from '@/lib/classNames';

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words[words.length - 1]![0]] : [name.trim()[0]];
  return letters.join('').toUpperCase() || '?';
}

const TONES = [
  'bg-emerald-100 text-emerald-800',
  'bg-sky-100 text-sky-800',
  'bg-amber-100 text-amber-800',
  'bg-rose-100 text-rose-800',
  'bg-violet-100 text-violet-800',
  'bg-teal-100 text-teal-800',
] as const;

function toneOf(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return TONES[hash % TONES.length]!;
}

/** Initials in a circle, coloured by a stable seed so a person keeps their colour. */
export function Avatar({ name, seed, className }: { name: string; seed?: string; className?: string }) {
  return (
    <span
      className={cn('inline-flex size-9 shrink-0 items-center justify-center rounded-full text-xs font-semibold', toneOf(seed ?? name), className)}
      aria-hidden
    >
      {initialsOf(name)}
    </span>
  );
}
