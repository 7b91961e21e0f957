/** Reads the hub's event log as a desk would (sync pages), to check what a run stored. */
import { io } from 'socket.io-client';
import type { HubEvent } from '../../shared/hub/messages';
import { deskToken } from './desk';

/** Throws unless the hub queued each of `dispatchIds` exactly once. */
export async function assertQueuedOnce(
  hubUrl: string,
  dispatchIds: readonly string[],
  token = deskToken,
) {
  const socket = io(`${hubUrl}/desk`, { auth: { token }, transports: ['websocket'] });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const queued = new Map<string, number>();
    for (let since = 0; ;) {
      const page = (await socket
        .timeout(30_000)
        .emitWithAck('sync', { sinceSeq: since, limit: 1000 })) as {
        events: HubEvent[];
        lastSeq: number;
      };
      for (const e of page.events) {
        if (e.type === 'dispatch.status' && e.status === 'queued' && e.dispatchId)
          queued.set(e.dispatchId, (queued.get(e.dispatchId) ?? 0) + 1);
      }
      if (page.events.length === 0) break;
      since = page.events.at(-1)!.seq;
    }
    const wrong = dispatchIds.filter((id) => queued.get(id) !== 1);
    if (wrong.length > 0 || queued.size !== dispatchIds.length) {
      throw new Error(
        `hub queued ${queued.size} dispatches for ${dispatchIds.length} sent; ${wrong.length} not exactly once`,
      );
    }
  } finally {
    socket.close();
  }
}
