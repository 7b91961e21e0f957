/**
 * The hub's live dashboard with a real hub process and real socket.io peers: an OPD's inbox
 * page opening and closing changes whether it is watched; a supervisor's desk gets the
 * figures, an operator's is refused; desks report who is signed in and whether on a call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { writeDemoAccounts, type DemoAccount } from '../../electron/core/auth/demo-accounts';
import { DashboardPush } from '../../shared/hub/dashboard';
import {
  randomToken,
  repoRoot,
  startHub,
  tempDir,
  until,
  writeTokens,
  type HubProc,
} from '../support/processes';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const desk2 = { token: randomToken(), kind: 'desk' as const, id: 'desk-2' };
const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const boss = { token: randomToken(), kind: 'supervisor' as const, id: 'spv', person: 'Bu Rina' };
const deskActor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
const desk2Actor = { id: 'desk-2', role: 'desk', person: 'Supervisor Demo' };

/** "HH:MM" in WIB, `hours` from now. */
const wibClock = (hours: number): string => {
  const d = new Date(Date.now() + (7 + hours) * 3_600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:00`;
};

let hub: HubProc;
let people: DemoAccount[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  const dir = tempDir();
  // DLH watches its inbox all day; Disnaker's hours are over for now (two to three hours
  // from now, whatever the time the test runs).
  const roster = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'resources', 'data', 'opds.json'), 'utf8'),
  ) as { opds: { id: string; inboxHours?: object }[] };
  const disnaker = roster.opds.find((o) => o.id === 'disnaker')!;
  disnaker.inboxHours = { from: wibClock(2), to: wibClock(3) };
  const rosterFile = path.join(dir, 'opds.json');
  fs.writeFileSync(rosterFile, JSON.stringify(roster));
  const accountsFile = path.join(dir, 'demo-accounts.json');
  people = writeDemoAccounts(accountsFile);
  hub = await startHub(dir, writeTokens(dir, [desk, desk2, dlh, boss]), 0, [
    '--opds',
    rosterFile,
    '--demo-accounts',
    accountsFile,
  ]);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.stop();
});

async function connect(ns: string, token: string): Promise<Socket> {
  const socket = io(`${hub.url}${ns}`, { auth: { token }, transports: ['websocket'] });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const send = (s: Socket, event: string, payload: unknown) =>
  s.timeout(5000).emitWithAck(event, payload) as Promise<Record<string, unknown>>;

/** The person token the hub gives `username` at sign-in on this desk's socket. */
async function tokenOf(
  s: Socket,
  username: 'operator' | 'supervisor',
  actor: typeof deskActor,
): Promise<string> {
  const a = people.find((p) => p.username === username)!;
  const opened = await send(s, 'session.open', { username, password: a.password, actor });
  expect(opened).toMatchObject({ ok: true });
  return opened.token as string;
}

/** Every `dashboard` push a socket receives, parsed. */
function pushes(s: Socket): DashboardPush[] {
  const seen: DashboardPush[] = [];
  s.on('dashboard', (raw: unknown) => seen.push(DashboardPush.parse(raw)));
  return seen;
}
const latest = (seen: DashboardPush[]) => seen.at(-1);
const opd = (d: DashboardPush | undefined, id: string) => d?.opds.find((o) => o.opdId === id);

describe('the dashboard feed', () => {
  it("refuses an operator's token, and a desk's word alone, and pushes nothing", async () => {
    const d = await connect('/desk', desk.token);
    const seen = pushes(d);
    const ack = await send(d, 'dashboard.subscribe', {
      on: true,
      personToken: await tokenOf(d, 'operator', deskActor),
      actor: deskActor,
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    // An older desk's claim that its person is a supervisor buys nothing without a token.
    const claimed = await send(d, 'dashboard.subscribe', {
      on: true,
      personRole: 'supervisor',
      actor: deskActor,
    });
    expect(claimed).toMatchObject({ ok: false, error: { code: 'auth.token_invalid' } });
    await send(d, 'desk.person', {
      people: [{ name: 'Operator Demo', role: 'operator' }],
      onCall: true,
      actor: deskActor,
    });
    await new Promise((r) => setTimeout(r, 600));
    expect(seen).toEqual([]);
  });

  it('shows an OPD unwatched while its inbox is closed within its hours, watched while open', async () => {
    const operatorDesk = sockets[0]!;
    const supervisorDesk = await connect('/desk', desk2.token);
    const seen = pushes(supervisorDesk);
    const ack = await send(supervisorDesk, 'dashboard.subscribe', {
      on: true,
      personToken: await tokenOf(supervisorDesk, 'supervisor', desk2Actor),
      actor: desk2Actor,
    });
    expect(ack.ok).toBe(true);
    const first = DashboardPush.parse(ack.dashboard);
    expect(opd(first, 'dlh')).toMatchObject({ open: 0, watch: 'idle', watchers: 0 });
    // The operator's desk said who is there and that a call form is open.
    expect(first.desks.find((x) => x.deskId === 'desk-1')).toEqual({
      deskId: 'desk-1',
      online: true,
      people: ['Operator Demo'],
      callsThisShift: 0,
      onCall: true,
    });

    const caseId = uuidv7();
    const fields = {
      categoryId: 'pohon-tumbang',
      urgency: 'darurat',
      description: 'Pohon tumbang',
    };
    const upsert = { changeId: uuidv7(), caseId, baseSeq: 0, fields, actor: deskActor };
    expect(await send(operatorDesk, 'case.upsert', upsert)).toMatchObject({ ok: true });
    for (const opdId of ['dlh', 'disnaker']) {
      const dispatch = { dispatchId: uuidv7(), caseId, opdId, actor: deskActor };
      expect(await send(operatorDesk, 'dispatch', dispatch)).toMatchObject({ ok: true });
    }
    await until(() => opd(latest(seen), 'disnaker')?.open === 1);
    expect(opd(latest(seen), 'dlh')).toMatchObject({ open: 1, watch: 'unwatched', today: 1 });
    // Outside its inbox hours, the screen says to phone Disnaker instead.
    expect(opd(latest(seen), 'disnaker')).toMatchObject({
      watch: 'phone',
      dutyPhone: '(0351) 462 007',
    });
    const hour = latest(seen)!.callsByHour.findIndex((h) => (h.case ?? 0) > 0);
    expect(latest(seen)!.casesByHour[hour]).toEqual({ 'pohon-tumbang': 1 });

    const inbox = await connect('/opd', dlh.token);
    await until(() => opd(latest(seen), 'dlh')?.watch === 'watched');
    expect(opd(latest(seen), 'dlh')?.watchers).toBe(1);

    inbox.close();
    await until(() => opd(latest(seen), 'dlh')?.watch === 'unwatched');
    expect(opd(latest(seen), 'dlh')?.watchers).toBe(0);
  });

  it("gives a supervisor's own client the figures on connecting", async () => {
    const s = io(`${hub.url}/supervisor`, {
      auth: { token: boss.token },
      transports: ['websocket'],
    });
    sockets.push(s);
    const seen = pushes(s);
    await until(() => seen.length > 0);
    expect(opd(latest(seen), 'dlh')).toMatchObject({ open: 1, watch: 'unwatched' });
  });

  it('refuses a desk.person report that names nobody properly, changing nothing', async () => {
    const d = sockets[0]!;
    const ack = await send(d, 'desk.person', {
      people: [{ name: '', role: 'operator' }],
      onCall: false,
      actor: deskActor,
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'protocol.invalid' } });
  });
});
