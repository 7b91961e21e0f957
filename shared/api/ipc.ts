/**
 * The desktop IPC envelope between the preload and Electron main: one invoke channel for
 * calls and one push channel for events. The contract's channel names travel inside the
 * envelope, so a new contract channel needs no IPC change.
 */
import { z } from 'zod';

/** ipcRenderer.invoke channel: `{ channel, args }` → ApiResult. */
export const IPC_CALL = 'sigap:call';
/** webContents.send channel: a ConsoleEvent `{ event, payload }`. */
export const IPC_EVENT = 'sigap:event';
/**
 * ipcRenderer.invoke channel, desktop only: the report request of `report.pdf` → an
 * ApiResult once the system print dialog has closed (`printed`: false when cancelled).
 */
export const IPC_PRINT_REPORT = 'sigap:print-report';

export const CallEnvelope = z
  .object({
    channel: z.string().min(1).max(80),
    args: z.unknown(),
  })
  .strict();
export type CallEnvelope = z.infer<typeof CallEnvelope>;
