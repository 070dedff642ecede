import { MessageSquare } from 'lucide-react';
import { cn } from '@/lib/classNames';

export function BrandMark({ className }: { className?: string }) {
  return (
    <span className={cn('inline-flex size-8 items-center justify-center rounded-lg bg-emerald-600 text-white', className)} aria-hidden>
      <MessageSquare className="size-4" fill="currentColor" />
    </span>
  );
}
