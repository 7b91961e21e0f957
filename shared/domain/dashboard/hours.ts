/**
 * WIB days, hours and inbox hours for the dashboard. Pure; WIB has no daylight saving time,
 * so an hour in WIB is the UTC hour plus seven whatever the machine's zone.
 */
import type { InboxHours } from '../reference';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WIB_OFFSET_MS = 7 * HOUR_MS;

/** The UTC instant the WIB day holding `at` began. */
export function wibDayStart(at: number): number {
  return Math.floor((at + WIB_OFFSET_MS) / DAY_MS) * DAY_MS - WIB_OFFSET_MS;
}

/** 0–23: the WIB hour of `at`. */
export function wibHour(at: number): number {
  return Math.floor((at - wibDayStart(at)) / HOUR_MS);
}

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Whether `at` falls within the daily span (start included, end not; may cross midnight). */
export function withinHours(hours: InboxHours, at: number): boolean {
  const now = Math.floor((at - wibDayStart(at)) / 60_000);
  const from = minutes(hours.from);
  const to = minutes(hours.to);
  return from < to ? now >= from && now < to : now >= from || now < to;
}
