/**
 * Batches against a real hub process and real socket.io clients: a desk that says it takes
 * `events` hears of the hub's `batch`, sends several outbox messages in one packet and gets
 * their answers in order, each exactly as the message alone would have had it; the events
 * come to it in `events` packets and, in the same seq order, one by one to a desk of
 * before batches. A bad batch is refused whole and applies nothing.
 */
import { expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import type { WireEvent as HubEvent } from '../support/wire-event';
import { hubForTests, send, upsertBy } from '../support/hub-peers';
import { describeEachStore } from '../support/hub-stores';
import { randomToken } from '../support/processes';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const oldDesk = { token: randomToken(), kind: 'desk' as const, id: 'desk-2' };
const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const deskActor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
const upsert = upsertBy(deskActor);

/** Every event `socket` hears, whichever packet brought it. */
function heard(socket: Socket): HubEvent[] {
  const events: HubEvent[] = [];
  socket.on('event', (e: HubEvent) => events.push(e));
  socket.on('events', (list: HubEvent[]) => events.push(...list));
  return events;
}

describeEachStore('hub batches', (store) => {
  const { connect } = hubForTests([desk, oldDesk, dlh], store);

  it('answers a batch message by message, and pushes its events in order to both kinds of desk', async () => {
    const d = await connect('/desk', desk.token);
    const hello = await send(d, 'hello', { protocol: 1, features: ['events', 'later-feature'] });
    expect(hello).toMatchObject({ ok: true, features: ['batch'] });
    const old = await connect('/desk', oldDesk.token);
    expect(await send(old, 'hello', { protocol: 1 })).toMatchObject({ ok: true });
    const packets: string[] = [];
    d.onAny((name: string) => packets.push(name));
    const events = heard(d);
    const oldEvents = heard(old);
    const oldPackets: string[] = [];
    old.onAny((name: string) => oldPackets.push(name));

    const caseId = uuidv7();
    const dispatchId = uuidv7();
    const dispatch = { dispatchId, caseId, opdId: 'dlh', actor: deskActor };
    const answer = (await send(d, 'batch', {
      messages: [
        { name: 'case.upsert', payload: upsert(caseId, { description: 'Banjir di Jl. Salak' }) },
        { name: 'dispatch', payload: dispatch },
        { name: 'dispatch', payload: { ...dispatch, dispatchId: uuidv7(), opdId: 'nowhere' } },
        { name: 'dispatch', payload: { dispatchId: 'x' } },
        { name: 'sync', payload: { sinceSeq: 0 } },
        { name: 'dispatch', payload: { ...dispatch, actor: { ...deskActor, id: 'desk-2' } } },
      ],
    })) as { ok: true; answers: Array<Record<string, unknown>> };
    expect(answer.ok).toBe(true);
    expect(answer.answers).toHaveLength(6);
    const [up, sent, unknownOpd, invalid, notBatched, notMine] = answer.answers;
    expect(up).toMatchObject({ ok: true, seq: expect.any(Number) });
    expect(sent).toMatchObject({
      ok: true,
      hubSeq: expect.any(Number),
      queuedAt: expect.any(Number),
    });
    expect(unknownOpd).toMatchObject({ ok: false, error: { code: 'opd.unknown' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'protocol.invalid' } });
    expect(notBatched).toMatchObject({
      ok: false,
      error: {
        code: 'protocol.invalid',
        message: expect.stringMatching(/"sync" is not sent in a batch/),
      },
    });
    expect(notMine).toMatchObject({ ok: false, error: { code: 'auth.actor_mismatch' } });

    // The same message alone later is a repeat: the batch's answer again, nothing new.
    expect(await send(d, 'dispatch', dispatch)).toEqual(sent);

    await expect.poll(() => events.map((e) => e.seq)).toEqual([up!.seq, sent!.hubSeq]);
    expect(packets.filter((p) => p === 'event')).toEqual([]);
    expect(packets.filter((p) => p === 'events').length).toBeGreaterThan(0);
    await expect.poll(() => oldEvents.map((e) => e.seq)).toEqual([up!.seq, sent!.hubSeq]);
    expect(oldPackets.filter((p) => p === 'events')).toEqual([]);
    expect(events.find((e) => e.type === 'dispatch.status')).toMatchObject({
      dispatchId,
      status: 'queued',
    });
  });

  it('refuses a bad batch whole and applies none of it', async () => {
    const d = await connect('/desk', desk.token);
    await send(d, 'hello', { protocol: 1, features: ['events'] });
    const caseId = uuidv7();
    const message = {
      name: 'case.upsert',
      payload: upsert(caseId, { description: 'Pohon tumbang di Jl. Pahlawan' }),
    };
    const bad = [
      'batch',
      { messages: [] },
      { messages: Array.from({ length: 33 }, () => message) },
      { messages: [message], more: true },
      { messages: [{ ...message, extra: 1 }] },
      { messages: [{ name: 7, payload: {} }] },
    ];
    for (const payload of bad) {
      expect(await send(d, 'batch', payload)).toMatchObject({
        ok: false,
        error: { code: 'protocol.invalid', message: expect.stringMatching(/^batch/) },
      });
    }
    // A batch inside a batch is not an outbox message.
    expect(
      await send(d, 'batch', { messages: [{ name: 'batch', payload: { messages: [message] } }] }),
    ).toMatchObject({ ok: true, answers: [{ ok: false, error: { code: 'protocol.invalid' } }] });
    const sync = (await send(d, 'sync', { sinceSeq: 0 })) as { events: HubEvent[] };
    expect(sync.events.filter((e) => e.caseId === caseId)).toEqual([]);
  });

  it('takes batches from desks only, and only with an ack', async () => {
    const o = await connect('/opd', dlh.token);
    expect(await send(o, 'hello', { protocol: 1, features: ['events'] })).not.toHaveProperty(
      'features',
    );
    const caseId = uuidv7();
    const message = { name: 'case.upsert', payload: upsert(caseId, { description: 'Banjir' }) };
    expect(await send(o, 'batch', { messages: [message] })).toMatchObject({
      ok: false,
      error: { code: 'protocol.unknown_message' },
    });
    // Without an ack, a batch could tell nobody what became of it: nothing is applied.
    const d = await connect('/desk', desk.token);
    d.emit('batch', { messages: [message] });
    const sync = (await send(d, 'sync', { sinceSeq: 0 })) as { events: HubEvent[] };
    expect(sync.events.filter((e) => e.caseId === caseId)).toEqual([]);
  });
});
