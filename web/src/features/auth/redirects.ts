export const HOME_PATH = '/inbox';

/** Only same-app paths, so a crafted ?next= cannot send someone to another site. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH;
  return next;
}
