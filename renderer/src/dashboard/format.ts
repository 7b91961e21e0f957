/** Durations as a supervisor reads them on the dashboard: minutes, or hours and minutes. */
export function minutesText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return String(minutes);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
