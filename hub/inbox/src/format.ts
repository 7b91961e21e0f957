/** How times read in the inbox: WIB, and ages in the clerk's language. */
import type { TFunction } from 'i18next';

export function formatAge(ms: number, t: TFunction): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return t('age.minutes', { count: min });
  const hours = Math.floor(min / 60);
  if (hours < 48) return t('age.hours', { count: hours });
  return t('age.days', { count: Math.floor(hours / 24) });
}

export const langOf = (language: string): 'id' | 'en' => (language === 'en' ? 'en' : 'id');
