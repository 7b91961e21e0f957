/**
 * Protocol v1 against a real hub process and real socket.io clients: a desk replicates a
 * case and dispatches it; only the right OPD receives it (without the caller's identity
 * when anonim), moves it through legal states, and the desks see every status as an event.
 * Repeats change nothing and bad messages are refused with their code
 * (hub-durability.test.ts kills the hub).
 */
import { expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import type { OpdDispatch } from '../../shared/hub/opd-messages';
import type { WireEvent as HubEvent } from '../support/wire-event';
import { hubForTests, send, upsertBy } from '../support/hub-peers';
import { describeEachStore } from '../support/hub-stores';
import { randomToken } from '../support/processes';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const desk2 = { token: randomToken(), kind: 'desk' as const, id: 'desk-2' };
const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const dinkes = { token: randomToken(), kind: 'opd' as const, id: 'dinkes', person: 'Rudi' };
const dishub = { token: randomToken(), kind: 'opd' as const, id: 'dishub', person: 'Wati' };
const deskActor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
const dlhActor = { id: 'dlh', role: 'opd', person: 'Sari' };

const upsert = upsertBy(deskActor);

describeEachStore('hub protocol v1', (store) => {
  const { connect } = hubForTests([desk, desk2, dlh, dinkes, dishub], store);

  it('carries a dispatch to its OPD only, and every status back to the desks', async () => {
    const d = await connect('/desk', desk.token);
    const events: HubEvent[] = [];
    d.on('event', (e: HubEvent) => events.push(e));
    const inboxDlh: OpdDispatch[] = [];
    const inboxDinkes: OpdDispatch[] = [];
    const o = await connect('/opd', dlh.token);
    o.on('dispatch.new', (x: OpdDispatch, ack: (ok: boolean) => void) => {
      inboxDlh.push(x);
      ack(true);
    });
    const other = await connect('/opd', dinkes.token);
    other.on('dispatch.new', (x: OpdDispatch) => inboxDinkes.push(x));

    const caseId = uuidv7();
    expect(
      await send(
        d,
        'case.upsert',
        upsert(caseId, {
          categoryId: 'pohon-tumbang',
          urgency: 'darurat',
          description: 'Pohon tumbang <b>Jl. Pahlawan</b>',
          anonim: true,
          callerName: 'Budi',
          callerNumber: '+6281234567890',
        }),
      ),
    ).toMatchObject({ ok: true });
    const dispatchId = uuidv7();
    const first = await send(d, 'dispatch', { dispatchId, caseId, opdId: 'dlh', actor: deskActor });
    expect(first).toMatchObject({
      ok: true,
      hubSeq: expect.any(Number),
      queuedAt: expect.any(Number),
    });
    // A repeat (a lost ack, a reconnect) returns the first answer and stores nothing new.
    expect(
      await send(d, 'dispatch', { dispatchId, caseId, opdId: 'dlh', actor: deskActor }),
    ).toEqual(first);

    await expect.poll(() => inboxDlh.length).toBe(1);
    expect(inboxDlh[0]).toMatchObject({
      dispatchId,
      caseId,
      case: { description: 'Pohon tumbang <b>Jl. Pahlawan</b>', anonim: true },
    });
    expect(inboxDlh[0]!.case).not.toHaveProperty('callerName');
    expect(inboxDlh[0]!.case).not.toHaveProperty('callerNumber');
    expect(await send(other, 'inbox', {})).toEqual({ ok: true, dispatches: [] });

    for (const to of ['accepted', 'in_progress', 'resolved'] as const) {
      expect(
        await send(o, 'transition', {
          transitionId: uuidv7(),
          dispatchId,
          to,
          note: to === 'resolved' ? 'Pohon sudah dipotong' : '',
          actor: dlhActor,
        }),
      ).toMatchObject({ ok: true });
    }
    await expect
      .poll(() => events.filter((e) => e.dispatchId === dispatchId).map((e) => e.status))
      .toEqual(['queued', 'seen', 'accepted', 'in_progress', 'resolved']);
    expect(events.at(-1)).toMatchObject({ note: 'Pohon sudah dipotong', actor: dlhActor });
    expect(inboxDinkes).toEqual([]);

    const sync = (await send(d, 'sync', { sinceSeq: 0 })) as {
      events: HubEvent[];
      lastSeq: number;
    };
    expect(sync.events.filter((e) => e.dispatchId === dispatchId)).toHaveLength(5);
    expect(sync.lastSeq).toBe(sync.events.at(-1)!.seq);
  });

  it('lists a dispatch made while no inbox of its OPD was open when one opens', async () => {
    const d = await connect('/desk', desk.token);
    const caseId = uuidv7();
    await send(
      d,
      'case.upsert',
      upsert(caseId, {
        categoryId: 'lampu-jalan',
        description: 'Lampu jalan padam di Jl. Salak',
        anonim: true,
        callerName: 'Budi',
      }),
    );
    const dispatchId = uuidv7();
    expect(
      await send(d, 'dispatch', { dispatchId, caseId, opdId: 'dishub', actor: deskActor }),
    ).toMatchObject({ ok: true });

    const o = await connect('/opd', dishub.token);
    const listed = (await send(o, 'inbox', {})) as { dispatches: OpdDispatch[] };
    expect(listed.dispatches).toHaveLength(1);
    expect(listed.dispatches[0]).toMatchObject({
      dispatchId,
      caseId,
      status: 'queued',
      case: { description: 'Lampu jalan padam di Jl. Salak', anonim: true },
    });
    expect(listed.dispatches[0]!.case).not.toHaveProperty('callerName');
  });

  it('refuses illegal and foreign transitions, and a return without a reason', async () => {
    const d = await connect('/desk', desk.token);
    const o = await connect('/opd', dlh.token);
    const other = await connect('/opd', dinkes.token);
    const caseId = uuidv7();
    await send(
      d,
      'case.upsert',
      upsert(caseId, { categoryId: 'sampah', description: 'Sampah menumpuk' }),
    );
    const dispatchId = uuidv7();
    await send(d, 'dispatch', { dispatchId, caseId, opdId: 'dlh', actor: deskActor });

    const t = (s: Socket, to: string, actor: object, note = '') =>
      send(s, 'transition', { transitionId: uuidv7(), dispatchId, to, note, actor });
    expect(await t(other, 'accepted', { id: 'dinkes', role: 'opd', person: 'Rudi' })).toMatchObject(
      { ok: false, error: { code: 'auth.not_yours' } },
    );
    expect(await t(o, 'resolved', dlhActor)).toMatchObject({
      ok: false,
      error: { code: 'transition.illegal' },
    });
    expect(await t(o, 'returned', dlhActor)).toMatchObject({
      ok: false,
      error: { code: 'protocol.invalid', message: expect.stringContaining('reason') },
    });
    expect(await t(o, 'returned', dlhActor, 'bukan wewenang: milik PLN')).toMatchObject({
      ok: true,
    });
    expect(await t(o, 'accepted', dlhActor)).toMatchObject({
      ok: false,
      error: { code: 'transition.illegal' },
    });
  });

  it('answers bad messages with their code, stores nothing and keeps serving', async () => {
    const d = await connect('/desk', desk.token);
    const before = ((await send(d, 'sync', { sinceSeq: 0, limit: 1000 })) as { lastSeq: number })
      .lastSeq;
    const caseId = uuidv7();
    const bad: Array<[string, unknown, string]> = [
      ['dispatch', 'not an object', 'protocol.invalid'],
      ['dispatch', { dispatchId: 'x', caseId, opdId: 'dlh', actor: deskActor }, 'protocol.invalid'],
      [
        'dispatch',
        { dispatchId: uuidv7(), caseId, opdId: 'dlh', actor: deskActor },
        'case.unknown',
      ],
      ['case.upsert', upsert(caseId, { description: 'x'.repeat(500_000) }), 'protocol.invalid'],
      ['case.upsert', upsert(caseId, { status: 'new', rogue: true }), 'protocol.invalid'],
      [
        'case.upsert',
        { ...upsert(caseId, {}), actor: { id: 'desk-2', role: 'desk', person: 'X' } },
        'auth.actor_mismatch',
      ],
      [
        'transition',
        {
          transitionId: uuidv7(),
          dispatchId: uuidv7(),
          to: 'accepted',
          note: '',
          actor: deskActor,
        },
        'protocol.unknown_message',
      ],
      ['sync', { sinceSeq: -1 }, 'protocol.invalid'],
      [
        'case.append',
        {
          changeId: uuidv7(),
          caseId,
          entry: { kind: 'opd_called', text: 'DLH' },
          actor: deskActor,
        },
        'protocol.invalid', // which dispatch was phoned about is required
      ],
      [
        'case.append',
        { changeId: uuidv7(), caseId, entry: { kind: 'verdict', text: 'x' }, actor: deskActor },
        'protocol.invalid',
      ],
      // A reporter's callback: what they said is required, as a boolean, with their words.
      [
        'case.append',
        { changeId: uuidv7(), caseId, entry: { kind: 'callback', text: 'x' }, actor: deskActor },
        'protocol.invalid',
      ],
      [
        'case.append',
        {
          changeId: uuidv7(),
          caseId,
          entry: { kind: 'callback', fixed: 'false', text: 'x' },
          actor: deskActor,
        },
        'protocol.invalid',
      ],
      [
        'case.append',
        {
          changeId: uuidv7(),
          caseId,
          entry: { kind: 'callback', fixed: false, text: '   ' },
          actor: deskActor,
        },
        'protocol.invalid',
      ],
      // Closing is a supervisor's, by token; a desk never closes by editing the status.
      ['case.upsert', upsert(caseId, { status: 'closed' }), 'auth.not_supervisor'],
      ['case.close', { closeId: uuidv7(), caseId, actor: deskActor }, 'auth.token_invalid'],
      [
        'case.close',
        { closeId: uuidv7(), caseId, personToken: 'x'.repeat(40), actor: deskActor },
        'auth.token_invalid',
      ],
      ['case.close', { closeId: 'x', caseId, actor: deskActor }, 'protocol.invalid'],
      [
        'case.close',
        { closeId: uuidv7(), caseId, note: 'x'.repeat(5000), actor: deskActor },
        'protocol.invalid',
      ],
      ['case.close', { closeId: uuidv7(), caseId, rogue: 1, actor: deskActor }, 'protocol.invalid'],
      [
        'case.close',
        { closeId: uuidv7(), caseId, actor: { id: 'desk-2', role: 'desk', person: 'X' } },
        'auth.actor_mismatch',
      ],
      [
        'dispatch',
        { dispatchId: uuidv7(), caseId, opdId: 'dlh', reopens: 'x', actor: deskActor },
        'protocol.invalid',
      ],
    ];
    for (const [event, payload, code] of bad) {
      expect(await send(d, event, payload), `${event} → ${code}`).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    await send(d, 'case.upsert', upsert(caseId, { categoryId: 'sampah' }));
    expect(
      await send(d, 'dispatch', { dispatchId: uuidv7(), caseId, opdId: 'nasa', actor: deskActor }),
    ).toMatchObject({ ok: false, error: { code: 'opd.unknown' } });
    // A dispatch may reopen only a dispatch of the same case, to the same OPD.
    expect(
      await send(d, 'dispatch', {
        dispatchId: uuidv7(),
        caseId,
        opdId: 'dlh',
        reopens: uuidv7(),
        actor: deskActor,
      }),
    ).toMatchObject({ ok: false, error: { code: 'dispatch.unknown' } });
    const after = (await send(d, 'sync', { sinceSeq: before, limit: 1000 })) as {
      events: HubEvent[];
    };
    expect(after.events.map((e) => e.type)).toEqual(['case.changed']);
    expect(d.connected).toBe(true);
  });
});
