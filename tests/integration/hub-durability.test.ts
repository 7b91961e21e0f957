/**
 * The hub's durability against a real process killed with SIGKILL: everything it
 * acknowledged is on disk when it comes back, a burst is applied in arrival order and once
 * per id, and repeats after the restart still change nothing.
 */
import { expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { WireEvent as HubEvent } from '../support/wire-event';
import { hubForTests, send, upsertBy } from '../support/hub-peers';
import { describeEachStore } from '../support/hub-stores';
import { randomToken } from '../support/processes';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const deskActor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };

const upsert = upsertBy(deskActor);

describeEachStore('hub after kill -9', (store) => {
  const { connect, killAndRestart } = hubForTests([desk], store);
  it('comes back after kill -9 with everything it acknowledged, and repeats still change nothing', async () => {
    let d = await connect('/desk', desk.token);
    const caseId = uuidv7();
    await send(
      d,
      'case.upsert',
      upsert(caseId, { categoryId: 'lampu-jalan', description: 'PJU mati' }),
    );
    const dispatchId = uuidv7();
    const first = await send(d, 'dispatch', {
      dispatchId,
      caseId,
      opdId: 'dishub',
      actor: deskActor,
    });
    const before = (await send(d, 'sync', { sinceSeq: 0, limit: 1000 })) as {
      events: HubEvent[];
      lastSeq: number;
    };

    await killAndRestart();
    d = await connect('/desk', desk.token);
    const after = (await send(d, 'sync', { sinceSeq: 0, limit: 1000 })) as {
      events: HubEvent[];
      lastSeq: number;
    };
    expect(after).toEqual(before);
    expect(
      await send(d, 'dispatch', { dispatchId, caseId, opdId: 'dishub', actor: deskActor }),
    ).toEqual(first);
    expect(
      ((await send(d, 'sync', { sinceSeq: 0, limit: 1000 })) as { lastSeq: number }).lastSeq,
    ).toBe(before.lastSeq);
  });

  it('applies a burst in arrival order, once per id, and acks only what survives kill -9', async () => {
    let d = await connect('/desk', desk.token);
    const cases = Array.from({ length: 40 }, () => uuidv7());
    const dispatches = cases.map((caseId) => ({
      dispatchId: uuidv7(),
      caseId,
      opdId: 'dlh',
      actor: deskActor,
    }));
    // All emitted in one go, as a desk's outbox does: each case's upsert, then its dispatch
    // (which the hub refuses unless the upsert was applied first), a repeat of every
    // dispatch, and a bad message among them that must not spoil the rest.
    const burst: Array<[string, unknown]> = [];
    cases.forEach((caseId, i) => {
      burst.push(['case.upsert', upsert(caseId, { description: `Banjir ${i}` })]);
      burst.push(['dispatch', dispatches[i]]);
      if (i === 20)
        burst.push(['dispatch', { ...dispatches[i], dispatchId: uuidv7(), opdId: 'nasa' }]);
    });
    dispatches.forEach((x) => burst.push(['dispatch', x]));
    const acks = (await Promise.all(
      burst.map(([event, payload]) => send(d, event, payload)),
    )) as Array<{
      ok: boolean;
      seq?: number;
      hubSeq?: number;
      error?: { code: string };
    }>;

    const refused = acks.filter((a) => !a.ok);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ error: { code: 'opd.unknown' } });
    const firsts = acks.slice(0, -dispatches.length).filter((a) => a.ok);
    const seqs = firsts.map((a) => a.seq ?? a.hubSeq!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b)); // applied in arrival order
    expect(new Set(seqs).size).toBe(seqs.length);
    const repeats = acks.slice(-dispatches.length);
    const firstDispatchAcks = firsts.filter((a) => a.hubSeq !== undefined);
    expect(repeats).toEqual(firstDispatchAcks); // a repeat gets the first answer

    // Everything acknowledged is on disk: a hub killed right after the acks still has it.
    await killAndRestart();
    d = await connect('/desk', desk.token);
    const synced = (await send(d, 'sync', { sinceSeq: seqs[0]! - 1, limit: 1000 })) as {
      events: HubEvent[];
    };
    for (const { dispatchId } of dispatches) {
      expect(
        synced.events.filter((e) => e.dispatchId === dispatchId && e.status === 'queued'),
      ).toHaveLength(1);
    }
    expect(synced.events.filter((e) => e.type === 'case.changed')).toHaveLength(cases.length);
  });
});
