import type { ReactNode } from 'react';

/** A value meant to be copied (invite link, API token): monospace, wraps anywhere, selectable in one click. */
export function SecretValue({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p
      data-testid={testId}
      className="select-all break-all rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs text-zinc-800"
    >
      {children}
    </p>
  );
}
