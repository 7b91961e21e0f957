/**
 * Time as Sigap shows it: stored as UTC epoch ms, always displayed in WIB (Asia/Jakarta),
 * whatever time zone the machine is set to.
 */
export const WIB = 'Asia/Jakarta';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: WIB });
    formatters.set(key, f);
  }
  return f;
}

function parts(epochMs: number): Record<string, string> {
  const f = formatter('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(f.formatToParts(epochMs).map((p) => [p.type, p.value]));
}

/**
 * "28/11/2026 08.05.09 WIB" in Indonesian, "28/11/2026 08:05:09 WIB" in English. Built
 * from parts so screens and prints read the same whatever ICU version renders them.
 */
export function formatWib(epochMs: number, locale: 'id' | 'en' = 'id'): string {
  const p = parts(epochMs);
  const sep = locale === 'id' ? '.' : ':';
  return `${p.day}/${p.month}/${p.year} ${p.hour}${sep}${p.minute}${sep}${p.second} WIB`;
}

/** Clock time only, "08.05" / "08:05", for status lines. */
export function formatWibTime(epochMs: number, locale: 'id' | 'en' = 'id'): string {
  const p = parts(epochMs);
  return `${p.hour}${locale === 'id' ? '.' : ':'}${p.minute}`;
}

const DAY_MS = 86_400_000;
const WIB_OFFSET_MS = 7 * 3600_000; // WIB has no daylight saving time

/**
 * A WIB calendar day typed as "28/11/2026" (day first, whatever the browser's locale;
 * "/", "." or "-" between the parts, leading zeros optional) → the UTC instant that day
 * starts in WIB. Anything else, or a day that does not exist (31/02), is undefined.
 */
export function parseWibDay(text: string): number | undefined {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utcMidnight = Date.UTC(year, month - 1, day);
  const back = new Date(utcMidnight);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return undefined;
  if (back.getUTCDate() !== day || year < 1970) return undefined;
  return utcMidnight - WIB_OFFSET_MS;
}

/** The WIB day an instant falls on, as "28/11/2026". */
export function formatWibDay(epochMs: number): string {
  const p = parts(epochMs);
  return `${p.day}/${p.month}/${p.year}`;
}

/** The instant the WIB day after the one starting at `dayStart` starts. */
export const nextWibDay = (dayStart: number): number => dayStart + DAY_MS;
