import type { ComponentProps } from 'react';
import { cn } from '@/lib/classNames';

export const inputClassName =
  'h-9 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 text-base text-zinc-900 shadow-xs transition-colors placeholder:text-zinc-400 focus-visible:border-emerald-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-emerald-600/30 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 aria-invalid:border-red-500 aria-invalid:ring-red-500/20 sm:text-sm';

export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} className={cn(inputClassName, className)} {...props} />;
}
