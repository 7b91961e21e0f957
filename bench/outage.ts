/**
 * outage.*: 1,000 dispatches wait in a desk's outbox while the hub is down; the hub comes
 * back. Measured from the hub listening again until the hub has acknowledged all 1,000
 * (each checked stored exactly once), split into the link's reconnect wait and the drain.
 */
import { round, type Figure } from './lib/figures';
import { benchHub, openDesk } from './lib/desk';
import { assertQueuedOnce } from './lib/hub-check';
import { tempDataDir } from './lib/stores';

const QUEUED = 1000;
/** Long enough down for the link's reconnect backoff to reach its ceiling, as in a real outage. */
const DOWN_MS = 5000;

export async function outageBench(): Promise<Figure[]> {
  const { hub: first, restart } = await benchHub('outage');
  let hub = first;
  const desk = await openDesk(tempDataDir('outage-desk'), hub.url);
  try {
    await desk.online();
    const cases: string[] = [];
    for (let i = 0; i < QUEUED; i++) cases.push(await desk.saveCase(i));
    await desk.drained();

    await hub.stop();
    const downAt = Date.now();
    const dispatchIds: string[] = [];
    for (const caseId of cases) {
      const r = await desk.call<{ dispatches: Array<{ dispatchId: string }> }>('case.dispatch', {
        caseId,
        opdIds: ['dlh'],
      });
      dispatchIds.push(r.dispatches[0]!.dispatchId);
    }
    if ((await desk.status()).outbox.waiting !== QUEUED)
      throw new Error('outbox should hold 1,000');
    await new Promise((r) => setTimeout(r, Math.max(0, downAt + DOWN_MS - Date.now())));

    hub = await restart();
    const back = Date.now();
    await desk.drained();
    const end = Date.now();
    const online = (await desk.status()).hub.since;
    await assertQueuedOnce(hub.url, dispatchIds);
    return [
      {
        name: 'outage.drain_1000_s',
        value: round((end - back) / 1000, 2),
        unit: 's',
        target: '≤ 5',
      },
      { name: 'outage.reconnect_s', value: round((online - back) / 1000, 2), unit: 's' },
      { name: 'outage.drain_after_reconnect_s', value: round((end - online) / 1000, 2), unit: 's' },
    ];
  } finally {
    desk.close();
    await hub.stop();
  }
}
