import { useEffect } from 'react';

export interface Shortcut {
  key: string;
  alt?: boolean;
  ctrl?: boolean;
  shift?: boolean;
}

/** Binds a keyboard shortcut for the lifetime of the component. Every shortcut is also shown in the UI. */
export function useShortcut(shortcut: Shortcut, action: () => void): void {
  const { key, alt = false, ctrl = false, shift = false } = shortcut;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (
        event.key.toLowerCase() === key.toLowerCase() &&
        event.altKey === alt &&
        event.ctrlKey === ctrl &&
        event.shiftKey === shift
      ) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, alt, ctrl, shift, action]);
}
