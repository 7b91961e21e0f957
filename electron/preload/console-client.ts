/**
 * ConsoleClient over Electron IPC, preload side: one named method per contract channel,
 * event subscription, and a backend link that is always up (core lives in main, so if the
 * page exists, so does core). Results and events from main are checked against the
 * contract before the page sees them, and a failed invoke becomes an ApiError value.
 */
import type { IpcRenderer } from 'electron';
import type { BackendLink, ConsoleClient } from '../../shared/api/client';
import { createEventHub, methodsFor } from '../../shared/api/client-kit';
import type { Channel } from '../../shared/api/contract';
import { fail, type ApiResult } from '../../shared/api/errors';
import { readResult } from '../../shared/api/read-result';
import { IPC_CALL, IPC_EVENT, IPC_PRINT_REPORT } from '../../shared/api/ipc';
import { PrintAnswer, type DesktopExtras } from '../../shared/api/desktop-extras';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on'>;

export function createDesktopClient(ipc: PreloadIpc): ConsoleClient {
  const hub = createEventHub();
  ipc.on(IPC_EVENT, (_event, message: unknown) => hub.deliver(message));

  async function call(channel: Channel, args: unknown): Promise<ApiResult<unknown>> {
    let answer: unknown;
    try {
      answer = await ipc.invoke(IPC_CALL, { channel, args });
    } catch {
      return fail('api.unreachable', 'The console backend did not answer.');
    }
    return readResult(channel, answer);
  }

  return {
    ...methodsFor(call),
    subscribe: hub.subscribe,
    onBackendLink(listener: (link: BackendLink) => void) {
      listener('up');
      return () => undefined;
    },
  } satisfies ConsoleClient;
}

/** What only the desktop app offers the page, beside the console API. */
export function createDesktopExtras(ipc: Pick<IpcRenderer, 'invoke'>): DesktopExtras {
  return {
    async printReport(request) {
      let answer: unknown;
      try {
        answer = await ipc.invoke(IPC_PRINT_REPORT, request);
      } catch {
        return fail('api.unreachable', 'The console backend did not answer.');
      }
      const read = PrintAnswer.safeParse(answer);
      return read.success ? read.data : fail('internal', 'The print answer was not understood.');
    },
  };
}
