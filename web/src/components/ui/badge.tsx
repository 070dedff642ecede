import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/classNames';

const badgeVariants = cva('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium', {
  variants: {
    tone: {
      neutral: 'bg-zinc-100 text-zinc-700',
      accent: 'bg-emerald-50 text-emerald-700 ring-1 ring-inset ring-emerald-600/20',
      warning: 'bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-600/20',
      danger: 'bg-red-50 text-red-700 ring-1 ring-inset ring-red-600/20',
    },
  },
  defaultVariants: { tone: 'neutral' },
});

export function Badge({ className, tone, ...props }: ComponentProps<'span'> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
