/**
 * Caller numbers: normalized with libphonenumber-js for Indonesia (mobile 08…, +62…,
 * landlines such as 0351…), so one caller has one key in the history whatever way the
 * number was typed. Prints and exports show a masked number.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export type NumberCheck = { ok: true; e164: string } | { ok: false };

export function normalizeNumber(raw: string): NumberCheck {
  const cleaned = raw.trim();
  if (!/^[+(\d][\d\s().-]{4,24}$/.test(cleaned)) return { ok: false };
  const parsed = parsePhoneNumberFromString(cleaned, 'ID');
  if (!parsed || !parsed.isValid()) return { ok: false };
  return { ok: true, e164: parsed.number };
}

/** "+6281234567890" → "0812•••••890": enough to recognise, not enough to misuse. */
export function maskNumber(e164: string | null): string {
  if (!e164) return '—';
  const national = e164.startsWith('+62') ? `0${e164.slice(3)}` : e164;
  if (national.length <= 7) return national.replace(/\d(?=\d{2})/g, '•');
  return `${national.slice(0, 4)}${'•'.repeat(national.length - 7)}${national.slice(-3)}`;
}

/** National display form, "081234567890", for the operator who took the call. */
export function displayNumber(e164: string): string {
  return e164.startsWith('+62') ? `0${e164.slice(3)}` : e164;
}
