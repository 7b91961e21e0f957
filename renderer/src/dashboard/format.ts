/** Durations as a supervisor reads them on the dashboard: minutes, or hours and minutes. */
import type { TFunction } from 'i18next';

export function durationText(t: TFunction, ms: number): string {
  const total = Math.round(ms / 60_000);
  const hours = Math.floor(total / 60);
  return hours > 0
    ? t('dashboard.hoursMinutes', { hours, minutes: total % 60 })
    : t('dashboard.minutes', { value: total });
}
