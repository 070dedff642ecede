import { useEffect, useLayoutEffect, useRef } from 'react';

type Shortcuts = {
  onSearch: () => void;
  onNext: () => void;
  onPrevious: () => void;
  onEscape: () => boolean;
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isDialogOpen(): boolean {
  return document.querySelector('[role="dialog"],[role="alertdialog"],[role="listbox"],[role="menu"]') !== null;
}

/** `/` search, `j`/`k` next and previous conversation, `Esc` closes the side panel. */
export function useInboxShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useLayoutEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isDialogOpen()) return;
      if (event.key === 'Escape') {
        if (latest.current.onEscape()) event.preventDefault();
        return;
      }
      if (isTyping(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        latest.current.onSearch();
      } else if (event.key === 'j') {
        event.preventDefault();
        latest.current.onNext();
      } else if (event.key === 'k') {
        event.preventDefault();
        latest.current.onPrevious();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
