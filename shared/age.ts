/**
 * How long something has waited, as the console's queue and the OPD inbox both show it:
 * whole minutes under an hour, whole hours under two days, then days. The words come from
 * the screen's own translations (`age.minutes`, `age.hours`, `age.days`, with `count`).
 */
export type AgeUnit = 'minutes' | 'hours' | 'days';

/** A screen's translate function, as far as ages need it (i18next's `t` fits). */
export type AgeWords = (key: `age.${AgeUnit}`, options: { count: number }) => string;

/** The unit and count an age reads in; a negative age (a clock a little behind) is 0 minutes. */
export function ageOf(ms: number): { unit: AgeUnit; count: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}

export function formatAge(ms: number, words: AgeWords): string {
  const { unit, count } = ageOf(ms);
  return words(`age.${unit}`, { count });
}
