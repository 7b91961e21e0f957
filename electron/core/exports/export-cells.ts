/**
 * One stored row → the text of its cells, as the export shows it: times in WIB, codes in
 * words, and the caller's identity protected. Numbers are masked unless a supervisor asked
 * for them in full; an anonim caller's name is never written, nor their number in full; a
 * rahasia case (not to be published) keeps its category and place but not what was said,
 * the address or who called, since an export file leaves the desk.
 */
import type { CaseStatus, Disposition } from '../../../shared/domain/case';
import type { ExportLanguage, ExportWords } from '../../../shared/domain/exports/columns';
import { displayNumber, maskNumber } from '../../../shared/domain/phone';
import { HASHED_PREFIX } from '../../../shared/domain/retention';
import type { CallExportRow, CaseExportRow } from './export-rows';

export interface CellOptions {
  language: ExportLanguage;
  words: ExportWords;
  unmask: boolean;
}

const WIB_OFFSET_MS = 7 * 3_600_000; // WIB has no daylight saving time
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * "28/11/2026 08.05.09" (Indonesian) or "28/11/2026 08:05:09": what formatWib shows,
 * without " WIB" (the header says it), by arithmetic: Intl costs more than the rest of a
 * row, and an export formats two times per row.
 */
export function exportTime(ms: number | null, language: ExportLanguage): string {
  if (ms === null) return '';
  const d = new Date(ms + WIB_OFFSET_MS);
  const sep = language === 'id' ? '.' : ':';
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}${sep}${two(d.getUTCMinutes())}${sep}${two(d.getUTCSeconds())}`;
}
const time = exportTime;

/** A stored number as the export may show it; a number hashed by retention is gone. */
function number(e164: string | null, full: boolean): string {
  if (!e164) return '';
  if (e164.startsWith(HASHED_PREFIX)) return '—';
  return full ? displayNumber(e164) : maskNumber(e164);
}

/** What was typed where no number could be read: its digits masked like a number's. */
function typedNumber(text: string, full: boolean): string {
  if (full) return text;
  const digits = text.replace(/\D/g, '');
  return digits.length <= 3
    ? '•'.repeat(digits.length)
    : `${'•'.repeat(digits.length - 3)}${digits.slice(-3)}`;
}

export function caseCells(r: CaseExportRow, o: CellOptions): string[] {
  const w = o.words;
  const anonim = r.anonim === 1;
  const rahasia = r.rahasia === 1;
  const hidden = (text: string) => (rahasia ? w.rahasia : text);
  const name = anonim ? w.anonim : rahasia ? w.rahasia : (r.caller_name ?? '');
  const category = (o.language === 'en' ? r.category_en_name : r.category_id_name) ?? r.category_id;
  return [
    r.id,
    time(r.created_at, o.language),
    time(r.updated_at, o.language),
    w.status[r.status as CaseStatus] ?? r.status,
    w.urgency[r.urgency as 'darurat' | 'non_darurat'] ?? r.urgency,
    w.classification[r.classification] ?? r.classification,
    category,
    r.kecamatan ?? '',
    r.kelurahan ?? '',
    hidden(r.address),
    hidden(r.landmark),
    hidden(r.description),
    name,
    number(r.caller_number, o.unmask && !anonim && !rahasia),
    String(r.reporters),
    anonim ? w.yes : w.no,
    rahasia ? w.yes : w.no,
    r.opd ?? '',
    r.desk_id,
    r.opened_by,
  ];
}

export function callCells(r: CallExportRow, o: CellOptions): string[] {
  const w = o.words;
  const anonim = r.anonim === 1;
  const rahasia = r.rahasia === 1;
  const full = o.unmask && !anonim && !rahasia;
  const shownNumber =
    r.withheld === 1
      ? w.withheld
      : r.caller_number
        ? number(r.caller_number, full)
        : typedNumber(r.number_text ?? '', full);
  let ticks: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.ticks);
    if (Array.isArray(parsed)) ticks = parsed.map((t) => w.tick[String(t)] ?? String(t));
  } catch {
    ticks = [];
  }
  return [
    r.id,
    time(r.started_at, o.language),
    time(r.ended_at, o.language),
    w.disposition[r.disposition as Disposition] ?? r.disposition,
    shownNumber,
    anonim ? w.anonim : rahasia ? w.rahasia : r.caller_name,
    r.desk_id,
    r.operator ?? '',
    r.case_id ?? '',
    r.note,
    ticks.join(', '),
    r.callback ? (w.callback[r.callback] ?? r.callback) : '',
  ];
}
