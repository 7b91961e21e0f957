/**
 * Timeline notes as the operator reads them. Edits and conflicts carry the fields they
 * touched as JSON (so every desk can show them in its own language); other notes are text.
 */
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  return (kind, note) => {
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
