/**
 * A screening reason as words for the operator: its i18n key and the values to put in it
 * ("4 dari 5 panggilan sebelumnya iseng"). Times are shown in WIB; how long ago a prank was
 * is said in minutes, hours or days, whichever reads best.
 */
import type { Reason, SilentReason } from '../../../shared/domain/screening/reasons';
import { formatWib } from '../../../shared/time';

export interface Text {
  key: string;
  values: Record<string, string | number>;
}

const HOUR_MIN = 60;
const DAY_MIN = 24 * HOUR_MIN;

/** "40 menit", "3 jam", "2 hari": the key and count for how long ago. */
export function agoText(minutes: number): Text {
  if (minutes < HOUR_MIN) return { key: 'screening.ago.minutes', values: { count: minutes } };
  if (minutes < 2 * DAY_MIN)
    return { key: 'screening.ago.hours', values: { count: Math.floor(minutes / HOUR_MIN) } };
  return { key: 'screening.ago.days', values: { count: Math.floor(minutes / DAY_MIN) } };
}

export function reasonText(reason: Reason | SilentReason, lang: 'id' | 'en'): Text {
  const p = reason.params;
  const until = p.until === undefined ? '' : formatWib(p.until, lang);
  switch (reason.code) {
    case 'history_pranks':
      return {
        key: p.abusive
          ? 'screening.reason.history_pranks_abusive'
          : 'screening.reason.history_pranks',
        values: { pranks: p.pranks ?? 0, calls: p.calls ?? 0 },
      };
    case 'last_prank':
      return { key: 'screening.reason.last_prank', values: { minutes: p.minutesAgo ?? 0 } };
    default:
      return { key: `screening.reason.${reason.code}`, values: { ...p, until } };
  }
}
