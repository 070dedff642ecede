import { useCallback, useSyncExternalStore } from 'react';

/** Tailwind's `md` breakpoint: below it the inbox panes are pages of their own. */
export const PHONE_QUERY = '(max-width: 767.98px)';

/** Whether a media query matches now; re-renders when it starts or stops matching (rotation, resizing). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
