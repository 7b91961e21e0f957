/**
 * Timeline notes as the operator reads them. Edits and conflicts carry the fields they
 * touched as JSON (so every desk can show them in its own language); other notes are text.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ReopenedNote } from '../../../shared/domain/review';
import { closingLine } from '../closing/closing-line';
import { formatWibTime } from '../../../shared/time';

const LABELS: Record<string, string> = {
  description: 'intake.description',
  urgency: 'intake.urgency',
  address: 'intake.address',
  landmark: 'intake.landmark',
  categoryId: 'intake.category',
  kecamatanId: 'intake.kecamatan',
  kelurahanId: 'intake.kelurahan',
  status: 'detail.status',
};

export function useTimelineNote(): (kind: string, note: string) => string {
  const { t, i18n } = useTranslation();
  return (kind, note) => {
    if (kind === 'reopened') return reopenedLine(note, t, i18n.language === 'en' ? 'en' : 'id');
    if (kind === 'closed' || kind === 'callback') return closingLine(kind, note, t);
    if (kind !== 'edited' && kind !== 'conflict' && kind !== 'cancelled') return note;
    let fields: unknown;
    try {
      fields = JSON.parse(note);
    } catch {
      return note; // a cancellation reason, or an entry written as plain text
    }
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return note;
    return Object.entries(fields as Record<string, unknown>)
      .map(([k, v]) => {
        const label = LABELS[k] ? t(LABELS[k]) : k;
        const value =
          k === 'urgency' && typeof v === 'string'
            ? t(`urgency.${v}`)
            : k === 'status' && typeof v === 'string'
              ? t(`caseStatus.${v}`)
              : String(v);
        return `${label}: “${value}”`;
      })
      .join('; ');
  };
}

/** The screened call a supervisor reopened: when, where, as what and by whom it was screened. */
function reopenedLine(note: string, t: TFunction, lang: 'id' | 'en'): string {
  let parsed;
  try {
    parsed = ReopenedNote.safeParse(JSON.parse(note));
  } catch {
    return note;
  }
  if (!parsed.success) return note;
  const n = parsed.data;
  return t('review.reopenedLine', {
    time: formatWibTime(n.startedAt, lang),
    desk: n.deskId,
    disposition: t(`review.dispositions.${n.disposition}`),
    person: n.screenedBy,
  });
}
