/**
 * An idempotent message is known by its type, its id and its sender: a repeat gets the
 * first answer, while the id reused by another message type or another sender is refused
 * with `protocol.id_reused` and applies nothing (`ok: true` only ever means applied).
 * A hub store from before the types were kept answers its repeats the same way.
 * A `case.upsert` made on a seq the hub never reached is refused.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../support/wire-event';
import { v7 as uuidv7 } from 'uuid';
import { migrate } from '../../shared/store/migrate';
import { hubStoreFile } from '../../hub/store/database';
import { migrations } from '../../hub/store/migrations';
import { hubForTests, peerSockets, send, upsertBy } from '../support/hub-peers';
import { describeEachStore } from '../support/hub-stores';
import { randomToken, startHub, tempDir, writeTokens } from '../support/processes';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const desk2 = { token: randomToken(), kind: 'desk' as const, id: 'desk-2' };
const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const deskActor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
const desk2Actor = { id: 'desk-2', role: 'desk', person: 'Operator 2' };
const dlhActor = { id: 'dlh', role: 'opd', person: 'Sari' };
const reused = { ok: false, error: { code: 'protocol.id_reused' } };

const upsert = upsertBy(deskActor);

type Sync = { events: WireEvent[]; lastSeq: number };

describeEachStore('message ids', (store) => {
  const { connect } = hubForTests([desk, desk2, dlh], store);
  it('refuses an id reused by another message type, and applies nothing for it', async () => {
    const d = await connect('/desk', desk.token);
    const o = await connect('/opd', dlh.token);
    const caseId = uuidv7();
    await send(d, 'case.upsert', upsert(caseId, { categoryId: 'pohon-tumbang' }));
    const dispatchId = uuidv7();
    const dispatched = await send(d, 'dispatch', {
      dispatchId,
      caseId,
      opdId: 'dlh',
      actor: deskActor,
    });
    expect(dispatched).toMatchObject({ ok: true });
    const before = (await send(d, 'sync', { sinceSeq: 0, limit: 1000 })) as Sync;

    // The OPD's transition carries the dispatch's own id as its transitionId.
    const accept = (transitionId: string) =>
      send(o, 'transition', {
        transitionId,
        dispatchId,
        to: 'accepted',
        note: '',
        actor: dlhActor,
      });
    expect(await accept(dispatchId)).toMatchObject(reused);

    // A call.log id reused as a case.append's changeId.
    const callId = uuidv7();
    const call = { callId, at: Date.now(), disposition: 'silent', callerNumber: null };
    expect(await send(d, 'call.log', { ...call, actor: deskActor })).toMatchObject({ ok: true });
    const note = { kind: 'note', text: 'Penelepon diam, ada suara angin' };
    expect(
      await send(d, 'case.append', { changeId: callId, caseId, entry: note, actor: deskActor }),
    ).toMatchObject(reused);

    const after = (await send(d, 'sync', { sinceSeq: before.lastSeq, limit: 1000 })) as Sync;
    expect(after.events.map((e) => e.type)).toEqual(['call.logged']);
    // Nothing was applied for the refused transition: the dispatch can still be accepted.
    expect(await accept(uuidv7())).toMatchObject({ ok: true });
    // A true repeat still gets its first answer.
    expect(
      await send(d, 'dispatch', { dispatchId, caseId, opdId: 'dlh', actor: deskActor }),
    ).toEqual(dispatched);
  });

  it("refuses another desk's id, whatever the message", async () => {
    const d1 = await connect('/desk', desk.token);
    const d2 = await connect('/desk', desk2.token);
    const caseId = uuidv7();
    const created = upsert(caseId, { categoryId: 'sampah' });
    expect(await send(d1, 'case.upsert', created)).toMatchObject({ ok: true });
    const dispatchId = uuidv7();
    expect(
      await send(d1, 'dispatch', { dispatchId, caseId, opdId: 'dlh', actor: deskActor }),
    ).toMatchObject({ ok: true });
    const before = (await send(d1, 'sync', { sinceSeq: 0, limit: 1000 })) as Sync;

    expect(
      await send(d2, 'dispatch', { dispatchId, caseId, opdId: 'dishub', actor: desk2Actor }),
    ).toMatchObject(reused);
    expect(
      await send(d2, 'case.claim', { changeId: created.changeId, caseId, actor: desk2Actor }),
    ).toMatchObject(reused);
    const after = (await send(d1, 'sync', { sinceSeq: before.lastSeq })) as Sync;
    expect(after.events).toEqual([]);
  });

  it('refuses a case.upsert made on a seq beyond the hub, and keeps the case', async () => {
    const d = await connect('/desk', desk.token);
    const caseId = uuidv7();
    const created = (await send(d, 'case.upsert', upsert(caseId, { address: 'Jl. Salak 1' }))) as {
      seq: number;
    };
    const { lastSeq } = (await send(d, 'sync', { sinceSeq: 0, limit: 1 })) as Sync;
    expect(
      await send(d, 'case.upsert', upsert(caseId, { address: 'Jl. Salak 9' }, lastSeq + 1000)),
    ).toMatchObject({
      ok: false,
      error: { code: 'case.base_seq_ahead', message: expect.stringContaining(String(lastSeq)) },
    });
    const after = (await send(d, 'sync', { sinceSeq: created.seq - 1 })) as Sync;
    expect(after.events.map((e) => e.fields?.address)).toEqual(['Jl. Salak 1']);
    expect(
      await send(d, 'case.upsert', upsert(caseId, { address: 'Jl. Salak 9' }, lastSeq)),
    ).toMatchObject({ ok: true });
  });
});

describe('a hub store from before message types were kept', () => {
  it('still answers repeats with their first answer and refuses reuse', async () => {
    const dir = tempDir();
    const caseId = uuidv7();
    const changeId = uuidv7();
    const dispatchId = uuidv7();
    const lost = uuidv7(); // an answer whose event the log no longer explains
    const at = Date.now();
    const upsertAck = { ok: true, seq: 1 };
    const dispatchAck = { ok: true, hubSeq: 2, queuedAt: at };
    {
      // What the hub wrote at store version 2, before types and senders were kept.
      const db = new Database(hubStoreFile(dir));
      migrate(db, migrations.slice(0, 2));
      const event = (seq: number, type: string, body: object) =>
        db
          .prepare('INSERT INTO events (seq, at, type, case_id, body) VALUES (?, ?, ?, ?, ?)')
          .run(
            seq,
            at,
            type,
            caseId,
            JSON.stringify({ type, at, actor: deskActor, caseId, ...body }),
          );
      db.prepare('INSERT INTO cases VALUES (?, ?, ?)').run(caseId, 'desk-1', at);
      db.prepare('INSERT INTO case_editors VALUES (?, ?)').run(caseId, 'desk-1');
      db.prepare('INSERT INTO case_fields VALUES (?, ?, ?, ?, ?)').run(
        caseId,
        'categoryId',
        '"sampah"',
        1,
        'desk-1',
      );
      event(1, 'case.changed', { fields: { categoryId: 'sampah' } });
      event(2, 'dispatch.status', { dispatchId, opdId: 'dlh', status: 'queued' });
      db.prepare(`INSERT INTO dispatches VALUES (?, ?, 'dlh', 'queued', ?, 'desk-1')`).run(
        dispatchId,
        caseId,
        at,
      );
      const answer = db.prepare('INSERT INTO applied (id, ack) VALUES (?, ?)');
      answer.run(changeId, JSON.stringify(upsertAck));
      answer.run(dispatchId, JSON.stringify(dispatchAck));
      answer.run(lost, JSON.stringify({ ok: true, seq: 99 }));
      db.close();
    }
    const hub = await startHub(dir, writeTokens(dir, [desk, desk2, dlh]));
    const peers = peerSockets();
    try {
      const d1 = await peers.connect(`${hub.url}/desk`, desk.token);
      const d2 = await peers.connect(`${hub.url}/desk`, desk2.token);
      const o = await peers.connect(`${hub.url}/opd`, dlh.token);
      const fields = { categoryId: 'sampah' };
      expect(
        await send(d1, 'case.upsert', { changeId, caseId, baseSeq: 0, fields, actor: deskActor }),
      ).toEqual(upsertAck);
      const dispatch = { dispatchId, caseId, opdId: 'dlh' };
      expect(await send(d1, 'dispatch', { ...dispatch, actor: deskActor })).toEqual(dispatchAck);
      expect(await send(d2, 'dispatch', { ...dispatch, actor: desk2Actor })).toMatchObject(reused);
      const transition = { dispatchId, to: 'accepted', note: '', actor: dlhActor };
      expect(
        await send(o, 'transition', { ...transition, transitionId: dispatchId }),
      ).toMatchObject(reused);
      expect(
        await send(d1, 'case.append', {
          changeId,
          caseId,
          entry: { kind: 'note', text: 'x' },
          actor: deskActor,
        }),
      ).toMatchObject(reused);
      // An answer the log could not attribute still answers its repeat.
      expect(await send(d1, 'case.claim', { changeId: lost, caseId, actor: deskActor })).toEqual({
        ok: true,
        seq: 99,
      });
      const { events } = (await send(d1, 'sync', { sinceSeq: 0 })) as Sync;
      expect(events.map((e) => e.seq)).toEqual([1, 2]);
    } finally {
      peers.closeAll();
      await hub.stop();
    }
  });
});
