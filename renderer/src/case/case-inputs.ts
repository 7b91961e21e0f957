/**
 * What an operator has typed into a case's dialog and not yet saved: the note, the edit
 * form, the cancel reason, the OPD picked to send to, and which of them held the cursor.
 * A case put aside by a ringing call keeps these so it comes back exactly as it was left.
 *
 * They live only in the signed-in workspace's memory: callers' words are not written to
 * the browser's storage of a shared PC, and signing out (which unmounts the workspace)
 * forgets them.
 */
import type { CaseDetail } from '../../../shared/domain/queue';

export type CaseMode = 'idle' | 'edit' | 'cancel';

export interface CaseEdit {
  description: string;
  urgency: CaseDetail['urgency'];
  address: string;
  landmark: string;
}

/** The field that held the cursor (its `data-keep` name) and where in its text. */
export interface KeptFocus {
  field: string;
  start: number | null;
  end: number | null;
}

/** One open case's unsaved inputs; the dialog's parts write into it as the operator types. */
export interface CaseInputs {
  mode: CaseMode;
  /** The edit form's fields, while it is open. */
  edit: CaseEdit | null;
  note: string;
  reason: string;
  opdId: string;
  focus: KeptFocus | null;
}

/** One case's inputs as kept: read once when its dialog opens, written as it changes. */
export interface KeptInputs {
  readonly saved: Readonly<CaseInputs>;
  keep(patch: Partial<CaseInputs>): void;
}

export function keptInputs(): KeptInputs {
  const saved: CaseInputs = {
    mode: 'idle',
    edit: null,
    note: '',
    reason: '',
    opdId: '',
    focus: null,
  };
  return { saved, keep: (patch) => void Object.assign(saved, patch) };
}

/** Where the cursor is inside `root`, if it is in a field worth keeping. */
export function focusIn(root: HTMLElement | null): KeptFocus | null {
  const el = document.activeElement;
  if (!root || !(el instanceof HTMLElement) || !root.contains(el) || !el.dataset.keep) return null;
  const text = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
  return {
    field: el.dataset.keep,
    start: text?.selectionStart ?? null,
    end: text?.selectionEnd ?? null,
  };
}

/** Puts the cursor back where `focusIn` found it; false while that field is not there yet. */
export function restoreFocus(root: HTMLElement | null, focus: KeptFocus): boolean {
  const el = root?.querySelector<HTMLElement>(`[data-keep="${focus.field}"]`);
  if (!el) return false;
  el.focus();
  if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && focus.start !== null)
    el.setSelectionRange(focus.start, focus.end ?? focus.start);
  return true;
}
