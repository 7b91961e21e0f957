/**
 * The intake's keyboard map, in one place: the keys that work anywhere on the desk (F2,
 * Alt+W, Alt+S, the disposition, tick and callback keys) and what a key pressed inside the
 * form means. Pure, so it is unit-tested.
 */
import type { CallbackOutcome, ScreenDisposition, Tick } from '../../../shared/domain/screening';
import type { Shortcut } from '../shell/shortcuts';

/** Keys that work wherever the cursor is (also over an open case). */
export const GLOBAL_KEYS = {
  newCall: { key: 'F2' },
  withheld: { key: 'w', alt: true },
  aside: { key: 's', alt: true },
} as const satisfies Record<string, Shortcut>;

/**
 * One key per disposition, during a call: Alt+I iseng, Alt+O panggilan kosong, Alt+M salah
 * sambung, Alt+X kasar, Alt+J informasi, Alt+U uji. No disposition has Enter, and none is
 * ever preselected.
 */
export const DISPOSITION_KEYS = {
  prank: { key: 'i', alt: true },
  silent: { key: 'o', alt: true },
  misdial: { key: 'm', alt: true },
  abusive: { key: 'x', alt: true },
  info: { key: 'j', alt: true },
  test: { key: 'u', alt: true },
} as const satisfies Record<ScreenDisposition, Shortcut>;

/** What the operator hears, ticked during the call: Alt+H tertawa, Alt+C suara anak, Alt+V kata kasar, Alt+Q tanpa suara. */
export const TICK_KEYS = {
  laughter: { key: 'h', alt: true },
  children: { key: 'c', alt: true },
  abuse: { key: 'v', alt: true },
  no_voice: { key: 'q', alt: true },
} as const satisfies Record<Tick, Shortcut>;

/** How calling a silent caller back went: Alt+Y tidak diangkat, Alt+P sungguhan, Alt+Z iseng. */
export const CALLBACK_KEYS = {
  no_answer: { key: 'y', alt: true },
  genuine: { key: 'p', alt: true },
  prank: { key: 'z', alt: true },
} as const satisfies Record<CallbackOutcome, Shortcut>;

/** A shortcut as it is shown on its control and in `aria-keyshortcuts` ("Alt+I"). */
export function keyLabel(s: Shortcut): string {
  const mods = [s.ctrl ? 'Ctrl' : '', s.alt ? 'Alt' : '', s.shift ? 'Shift' : ''].filter(Boolean);
  return [...mods, s.key.length === 1 ? s.key.toUpperCase() : s.key].join('+');
}

/** Whether a key press is this shortcut (a letter matches in either case). */
export function matches(
  s: Shortcut,
  e: Pick<KeyPress, 'key' | 'ctrlKey' | 'altKey' | 'shiftKey'>,
): boolean {
  return (
    e.key.toLowerCase() === s.key.toLowerCase() &&
    e.altKey === (s.alt ?? false) &&
    e.ctrlKey === (s.ctrl ?? false) &&
    e.shiftKey === (s.shift ?? false)
  );
}

/** The disposition a key press asks for, if any. */
export function dispositionOf(e: Pick<KeyPress, 'key' | 'ctrlKey' | 'altKey' | 'shiftKey'>) {
  const found = Object.entries(DISPOSITION_KEYS).find(([, s]) => matches(s, e));
  return found ? (found[0] as ScreenDisposition) : null;
}

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

/**
 * Fields Enter walks through: text fields only (check boxes are for Space or their key),
 * and not the screening note, which is typed only on purpose before a disposition key.
 */
export const WALKED_FIELDS =
  'input:not([type=checkbox]):not(:disabled):not([data-walk=skip]), select, textarea';

/** The field after `current` in `fields`, if any. */
export function nextField<T>(fields: readonly T[], current: T): T | undefined {
  const i = fields.indexOf(current);
  return i < 0 ? undefined : fields[i + 1];
}
