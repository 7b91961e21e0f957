/**
 * The timeline's line for a closing (by whom, or automatically after 10 working days) and
 * for a reporter's callback (fixed or not, in their words), from the JSON every desk keeps.
 * Caller words stay text: the line is rendered as text, never as HTML.
 */
import type { TFunction } from 'i18next';
import { CallbackNote, ClosedNote } from '../../../shared/domain/closing';

export function closingLine(kind: 'closed' | 'callback', note: string, t: TFunction): string {
  let raw: unknown;
  try {
    raw = JSON.parse(note);
  } catch {
    return note;
  }
  if (kind === 'callback') {
    const c = CallbackNote.safeParse(raw);
    if (!c.success) return note;
    return t(c.data.fixed ? 'closing.line.fixed' : 'closing.line.notFixed', {
      reason: c.data.reason,
    });
  }
  const c = ClosedNote.safeParse(raw);
  if (!c.success) return note;
  if (c.data.auto) return t('closing.line.auto');
  return t(c.data.note ? 'closing.line.byWithNote' : 'closing.line.by', {
    person: c.data.person ?? '',
    note: c.data.note,
  });
}
