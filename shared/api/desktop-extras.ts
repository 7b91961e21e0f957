/**
 * What only the desktop app offers the console page, beside the console API: the preload
 * sets `window.sigapDesktop`; the browser host has none, and the page keeps its own way.
 */
import { z } from 'zod';
import type { ReportRequest } from '../domain/report';
import { ApiError, type ApiResult } from './errors';

export interface DesktopExtras {
  /** The report as `report.pdf` makes it, through the system print dialog. */
  printReport(request: z.input<typeof ReportRequest>): Promise<ApiResult<{ printed: boolean }>>;
}

/** Main's answer to a print, read before the page sees it. */
export const PrintAnswer = z.union([
  z.object({ ok: z.literal(true), value: z.object({ printed: z.boolean() }).strict() }).strict(),
  z.object({ ok: z.literal(false), error: ApiError }).strict(),
]);
