/**
 * What a desk may do to a case, against a real hub process on each store: only the desk
 * that opened a case, or took it over, edits it; only open dispatches of such a case are
 * withdrawn; a call is logged once however often it is sent.
 */
import { expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { WireEvent as HubEvent } from '../support/wire-event';
import { hubForTests, send, upsertBy } from '../support/hub-peers';
import { describeEachStore } from '../support/hub-stores';
import { randomToken } from '../support/processes';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const desk2 = { token: randomToken(), kind: 'desk' as const, id: 'desk-2' };
const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const deskActor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
const dlhActor = { id: 'dlh', role: 'opd', person: 'Sari' };

const upsert = upsertBy(deskActor);

describeEachStore('a desk and its cases', (store) => {
  const { connect } = hubForTests([desk, desk2, dlh], store);

  it('lets only the desk that opened a case, or took it over, edit its fields', async () => {
    const d1 = await connect('/desk', desk.token);
    const d2 = await connect('/desk', desk2.token);
    const caseId = uuidv7();
    const created = (await send(d1, 'case.upsert', upsert(caseId, { address: 'Jl. Salak 1' }))) as {
      seq: number;
    };
    const foreign = {
      changeId: uuidv7(),
      caseId,
      baseSeq: created.seq,
      fields: { address: 'Jl. Salak 9' },
      actor: { id: 'desk-2', role: 'desk', person: 'Operator 2' },
    };
    expect(await send(d2, 'case.upsert', foreign)).toMatchObject({
      ok: false,
      error: { code: 'auth.not_yours' },
    });
    expect(
      await send(d1, 'case.upsert', upsert(caseId, { address: 'Jl. Salak 10' }, created.seq)),
    ).toMatchObject({ ok: true });
    const all = (await send(d1, 'sync', { sinceSeq: created.seq - 1 })) as { events: HubEvent[] };
    expect(all.events.filter((e) => e.caseId === caseId).map((e) => e.fields?.address)).toEqual([
      'Jl. Salak 1',
      'Jl. Salak 10',
    ]);

    // After taking it over, desk 2 edits it; a repeated claim changes nothing.
    const desk2Actor = { id: 'desk-2', role: 'desk', person: 'Operator 2' };
    const claim = { changeId: uuidv7(), caseId, actor: desk2Actor };
    const claimed = (await send(d2, 'case.claim', claim)) as { ok: boolean; seq: number };
    expect(claimed.ok).toBe(true);
    expect(await send(d2, 'case.claim', claim)).toEqual(claimed);
    expect(
      await send(d2, 'case.upsert', { ...foreign, changeId: uuidv7(), baseSeq: claimed.seq }),
    ).toMatchObject({ ok: true });
    const after = (await send(d1, 'sync', { sinceSeq: claimed.seq - 1 })) as {
      events: HubEvent[];
    };
    expect(after.events.map((e) => [e.type, e.holder ?? e.fields?.address])).toEqual([
      ['case.claimed', 'desk-2'],
      ['case.changed', 'Jl. Salak 9'],
    ]);
  });

  it('withdraws only open dispatches of a case the desk may edit, and logs calls once', async () => {
    const d1 = await connect('/desk', desk.token);
    const d2 = await connect('/desk', desk2.token);
    const o = await connect('/opd', dlh.token);
    const caseId = uuidv7();
    await send(d1, 'case.upsert', upsert(caseId, { categoryId: 'sampah' }));
    const dispatchId = uuidv7();
    await send(d1, 'dispatch', { dispatchId, caseId, opdId: 'dlh', actor: deskActor });
    const withdraw = (actor: object) => ({
      withdrawId: uuidv7(),
      dispatchId,
      reason: 'Laporan ganda',
      actor,
    });
    const desk2Actor = { id: 'desk-2', role: 'desk', person: 'Operator 2' };
    expect(await send(d2, 'dispatch.withdraw', withdraw(desk2Actor))).toMatchObject({
      ok: false,
      error: { code: 'auth.not_yours' },
    });
    expect(
      await send(d1, 'dispatch.withdraw', { ...withdraw(deskActor), reason: '' }),
    ).toMatchObject({ ok: false, error: { code: 'protocol.invalid' } });
    expect(await send(o, 'dispatch.withdraw', withdraw(dlhActor))).toMatchObject({
      ok: false,
      error: { code: 'protocol.unknown_message' },
    });
    const first = withdraw(deskActor);
    expect(await send(d1, 'dispatch.withdraw', first)).toMatchObject({ ok: true });
    expect(await send(d1, 'dispatch.withdraw', withdraw(deskActor))).toMatchObject({
      ok: false,
      error: { code: 'transition.illegal' },
    });
    expect(
      await send(o, 'transition', {
        transitionId: uuidv7(),
        dispatchId,
        to: 'accepted',
        note: '',
        actor: dlhActor,
      }),
    ).toMatchObject({ ok: false, error: { code: 'transition.illegal' } });

    expect(
      await send(d2, 'case.append', {
        changeId: uuidv7(),
        caseId,
        entry: { kind: 'note', text: '   ' },
        actor: desk2Actor,
      }),
    ).toMatchObject({ ok: false, error: { code: 'protocol.invalid' } });
    const call = {
      callId: uuidv7(),
      at: Date.now(),
      disposition: 'prank',
      callerNumber: '+6281234567890',
      actor: deskActor,
    };
    const logged = await send(d1, 'call.log', call);
    expect(logged).toMatchObject({ ok: true });
    expect(await send(d1, 'call.log', call)).toEqual(logged);
    const events = (await send(d1, 'sync', { sinceSeq: 0, limit: 1000 })) as {
      events: HubEvent[];
    };
    expect(events.events.filter((e) => e.call?.callId === call.callId)).toHaveLength(1);
  });
});
