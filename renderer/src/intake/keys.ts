/**
 * The intake's keyboard map, in one place: the keys that work anywhere on the desk (F2,
 * Alt+W, Alt+S) and what a key pressed inside the form means. Pure, so it is unit-tested.
 */
import type { Shortcut } from '../shell/shortcuts';

/** Keys that work wherever the cursor is (also over an open case). */
export const GLOBAL_KEYS = {
  newCall: { key: 'F2' },
  withheld: { key: 'w', alt: true },
  aside: { key: 's', alt: true },
} as const satisfies Record<string, Shortcut>;

export type FormCommand = 'save' | 'saveAndDispatch' | 'escape' | 'nextField' | 'other';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** The tag of the element the key was pressed in (`TEXTAREA`, `BUTTON`, …). */
  targetTag: string;
}

/** What a key pressed inside the form asks for. */
export function formCommand(e: KeyPress): FormCommand {
  if (e.key === 'Enter' && e.ctrlKey) return 'save';
  if (e.key.toLowerCase() === 'k' && e.altKey && !e.ctrlKey) return 'saveAndDispatch';
  if (e.key === 'Escape') return 'escape';
  // Enter walks the fields; in Uraian Shift+Enter is a new line; a button keeps its Enter.
  if (e.key === 'Enter' && !e.shiftKey && !e.altKey && e.targetTag !== 'BUTTON') return 'nextField';
  return 'other';
}

/** Fields Enter walks through: text fields only (check boxes are for Space or their key). */
export const WALKED_FIELDS = 'input:not([type=checkbox]):not(:disabled), select, textarea';

/** The field after `current` in `fields`, if any. */
export function nextField<T>(fields: readonly T[], current: T): T | undefined {
  const i = fields.indexOf(current);
  return i < 0 ? undefined : fields[i + 1];
}
