/**
 * A key of the rules dialog, heard wherever the focus is while the dialog is open (after a
 * reload the focused field may be gone): bound on the window before the desk's own keys.
 */
import { useEffect, useRef } from 'react';

export function useDialogKey(
  matches: (e: KeyboardEvent) => boolean,
  action: (e: KeyboardEvent) => void,
): void {
  const latest = useRef({ matches, action });
  useEffect(() => {
    latest.current = { matches, action };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!latest.current.matches(e)) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current.action(e);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
