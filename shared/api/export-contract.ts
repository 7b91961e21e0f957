/**
 * The console API of exports (`export.*`), spread into contract.ts: start an export of
 * cases or calls, follow and cancel it, and read its finished file in pieces (the same way
 * in the browser host and the desktop app; no path ever comes from the page).
 */
import { z } from 'zod';
import { Uuid } from '../domain/case';
import { ExportProgress, ExportRequest } from '../domain/exports/request';

/** The largest piece of a file one `export.read` returns (before base64). */
export const EXPORT_READ_MAX = 512 * 1024;

export const exportContract = {
  /**
   * Starts an export on a worker thread; progress comes as `export.progress` events.
   * `unmask` is refused (`auth.not_supervisor`) for anyone but a supervisor.
   */
  'export.start': { args: ExportRequest, result: ExportProgress },
  /** Stops a running export; its partial file is deleted. */
  'export.cancel': { args: z.object({ exportId: Uuid }).strict(), result: ExportProgress },
  /** The signed-in person's exports since the console started, newest first. */
  'export.list': {
    args: z.object({}).strict(),
    result: z.object({ exports: z.array(ExportProgress) }),
  },
  /** A piece of a finished export of the signed-in person's, base64. */
  'export.read': {
    args: z
      .object({
        exportId: Uuid,
        offset: z
          .number()
          .int()
          .nonnegative()
          .max(2 ** 40),
      })
      .strict(),
    result: z.object({ data: z.string(), size: z.number().int().nonnegative() }),
  },
} as const;

export const exportEvents = {
  /** How a running export stands (counts only), and how it ended. */
  'export.progress': ExportProgress,
} as const;
