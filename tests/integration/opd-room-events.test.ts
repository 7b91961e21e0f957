/**
 * `dispatch.changed` reaches the OPD whose dispatch changed, every connected clerk of it,
 * and never another OPD. Real hub process, real socket.io clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { OpdDispatchChanged, type OpdDispatch } from '../../shared/hub/opd-messages';
import {
  randomToken,
  startHub,
  tempDir,
  until,
  writeTokens,
  type HubProc,
} from '../support/processes';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const dishub = { token: randomToken(), kind: 'opd' as const, id: 'dishub', person: 'Rudi' };
const deskActor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };

let hub: HubProc;
const sockets: Socket[] = [];

beforeAll(async () => {
  const dir = tempDir();
  hub = await startHub(dir, writeTokens(dir, [desk, dlh, dishub]));
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.stop();
});

interface Clerk {
  socket: Socket;
  inbox: OpdDispatch[];
  changes: OpdDispatchChanged[];
}

async function connect(ns: string, token: string): Promise<Clerk> {
  const socket = io(`${hub.url}${ns}`, { auth: { token }, transports: ['websocket'] });
  sockets.push(socket);
  const clerk: Clerk = { socket, inbox: [], changes: [] };
  socket.on('dispatch.new', (d: OpdDispatch, ack: (ok: boolean) => void) => {
    clerk.inbox.push(d);
    ack(true);
  });
  socket.on('dispatch.changed', (c: unknown) => clerk.changes.push(OpdDispatchChanged.parse(c)));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return clerk;
}

const send = (s: Socket, event: string, payload: unknown) =>
  s.timeout(5000).emitWithAck(event, payload) as Promise<{ ok: boolean }>;

describe('dispatch.changed', () => {
  it('goes to every clerk of the owning OPD and to no other OPD', async () => {
    const d = await connect('/desk', desk.token);
    const sari = await connect('/opd', dlh.token);
    const sariColleague = await connect('/opd', dlh.token);
    const rudi = await connect('/opd', dishub.token);

    const caseId = uuidv7();
    const upsert = {
      changeId: uuidv7(),
      caseId,
      baseSeq: 0,
      fields: { categoryId: 'pohon-tumbang', urgency: 'darurat', description: 'Pohon tumbang' },
      actor: deskActor,
    };
    expect(await send(d.socket, 'case.upsert', upsert)).toMatchObject({ ok: true });
    const toDlh = uuidv7();
    const toDishub = uuidv7();
    for (const [dispatchId, opdId] of [
      [toDlh, 'dlh'],
      [toDishub, 'dishub'],
    ] as const) {
      const ack = await send(d.socket, 'dispatch', { dispatchId, caseId, opdId, actor: deskActor });
      expect(ack).toMatchObject({ ok: true });
    }
    await until(() => sari.inbox.length === 1 && rudi.inbox.length === 1);

    // Sari accepts: her colleague's inbox hears it, with who did it.
    const accept = {
      transitionId: uuidv7(),
      dispatchId: toDlh,
      to: 'accepted',
      note: '',
      actor: { id: 'dlh', role: 'opd', person: 'Sari' },
    };
    expect(await send(sari.socket, 'transition', accept)).toMatchObject({ ok: true });
    await until(() => sariColleague.changes.some((c) => c.status === 'accepted'));
    expect(sariColleague.changes.find((c) => c.status === 'accepted')).toMatchObject({
      dispatchId: toDlh,
      actor: { id: 'dlh', role: 'opd', person: 'Sari' },
    });
    expect(sari.changes.map((c) => c.status)).toContain('accepted');

    // Dishub acts on its own dispatch; by the time its own change arrives, any change of
    // DLH's would have arrived before it (one connection, in order).
    const own = {
      ...accept,
      transitionId: uuidv7(),
      dispatchId: toDishub,
      actor: { id: 'dishub', role: 'opd', person: 'Rudi' },
    };
    expect(await send(rudi.socket, 'transition', own)).toMatchObject({ ok: true });
    await until(() => rudi.changes.some((c) => c.status === 'accepted'));
    // Returning it needs a reason, which comes along as the note.
    const back = {
      ...accept,
      transitionId: uuidv7(),
      dispatchId: toDlh,
      to: 'returned',
      note: 'Bukan pohon milik kota',
    };
    expect(await send(sari.socket, 'transition', back)).toMatchObject({ ok: true });
    await until(() => sariColleague.changes.some((c) => c.status === 'returned'));
    expect(sariColleague.changes.find((c) => c.status === 'returned')?.note).toBe(
      'Bukan pohon milik kota',
    );

    expect(rudi.changes.length).toBeGreaterThan(0);
    expect(rudi.changes.every((c) => c.dispatchId === toDishub)).toBe(true);
    expect(sari.changes.every((c) => c.dispatchId === toDlh)).toBe(true);
    // A new dispatch is announced as dispatch.new, never as a `queued` change.
    expect([...sari.changes, ...rudi.changes].some((c) => c.status === 'queued')).toBe(false);
    // Both OPDs saw their dispatch become `seen` when their inbox acknowledged it.
    expect(sari.changes.map((c) => c.status)).toContain('seen');
    expect(rudi.changes.map((c) => c.status)).toContain('seen');
  });
});
