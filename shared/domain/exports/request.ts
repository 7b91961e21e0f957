/**
 * What a supervisor or operator asks to export (cases or calls, a range of WIB days, CSV or
 * XLSX, masked or not) and how a running export reports back. Pure: no Node, no DOM.
 */
import { z } from 'zod';
import { nextWibDay, parseWibDay } from '../../time';
import { Uuid } from '../case';

export const ExportKind = z.enum(['cases', 'calls']);
export type ExportKind = z.infer<typeof ExportKind>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The longest range one export may cover: a year and a little, so a yearly export fits. */
export const MAX_EXPORT_DAYS = 400;
const DAY_MS = 86_400_000;

const WibDay = z
  .string()
  .trim()
  .max(12)
  .refine((text) => parseWibDay(text) !== undefined, 'export.day_invalid');

export const ExportRequest = z
  .object({
    kind: ExportKind,
    format: ExportFormat,
    /** First WIB day, "01/11/2026" (day first). */
    from: WibDay,
    /** Last WIB day, included. */
    to: WibDay,
    /** Caller numbers in full: supervisors only. */
    unmask: z.boolean().default(false),
  })
  .strict()
  .superRefine((r, ctx) => {
    const from = parseWibDay(r.from);
    const to = parseWibDay(r.to);
    if (from === undefined || to === undefined) return;
    if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'export.range_reversed' });
    else if ((to - from) / DAY_MS + 1 > MAX_EXPORT_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'export.range_too_long' });
  });
export type ExportRequest = z.input<typeof ExportRequest>;

/** The UTC instants a request covers: [start of `from`, start of the day after `to`). */
export function exportRange(request: { from: string; to: string }): { start: number; end: number } {
  const start = parseWibDay(request.from);
  const last = parseWibDay(request.to);
  if (start === undefined || last === undefined) throw new Error('export range not validated');
  return { start, end: nextWibDay(last) };
}

export const ExportState = z.enum(['running', 'done', 'cancelled', 'failed']);
export type ExportState = z.infer<typeof ExportState>;

/** How an export stands; pushed to screens as it runs (counts only, never caller data). */
export const ExportProgress = z.object({
  exportId: Uuid,
  state: ExportState,
  /** Rows written so far. */
  rows: z.number().int().nonnegative(),
  /** Rows the range holds, counted when the export began. */
  total: z.number().int().nonnegative(),
  /** The file's name (no folder) once it is done. */
  fileName: z.string().optional(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;
