/**
 * Screened calls across the center: a real hub process and two desks. A prank screened on
 * desk 1 is in desk 2's store (caller history is center-wide), a silent call's callback
 * follows it there, and a desk that was off when the calls were screened gets them when it
 * comes back.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { storePath } from '../../electron/core/core';
import { hubStoreFile } from '../../hub/store/database';
import { call, demoAccounts, openDeskCore } from '../support/desk-cores';
import { oneScreen, type OneScreenCore as Core } from '../support/one-screen';
import { randomToken, startHub, tempDir, writeTokens } from '../support/processes';

const tokens = { 'desk-1': randomToken(), 'desk-2': randomToken() };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Rows of a store another process holds open (WAL lets a reader in). */
function rows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

async function setup() {
  const dir = tempDir();
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-2'], kind: 'desk', id: 'desk-2' },
  ]);
  const hub = await startHub(path.join(dir, 'hub'), tokensFile);
  cleanups.push(() => hub.stop());
  /** Opens a desk on its folder (again, after it was closed) and signs its operator in. */
  const open = async (deskId: 'desk-1' | 'desk-2') => {
    const dataDir = path.join(dir, deskId);
    const core = openDeskCore({ dir, deskId, hubUrl: hub.url, hubToken: tokens[deskId] });
    oneScreen(core);
    let closed = false;
    const close = () => {
      if (!closed) core.close();
      closed = true;
    };
    cleanups.push(close);
    const password = (await demoAccounts(core, dataDir)).find(
      (a) => a.username === 'operator',
    )!.password;
    await call(core, 'auth.signIn', { username: 'operator', password });
    await expect
      .poll(async () => (await call<{ hub: { state: string } }>(core, 'app.status', {})).hub.state)
      .toBe('online');
    return { core, close, store: storePath(dataDir) };
  };
  return { hubFile: hubStoreFile(path.join(dir, 'hub')), open };
}

const screen = (core: Core, over: Record<string, unknown>) =>
  call<{ callId: string }>(core, 'call.screen', {
    callId: uuidv7(),
    startedAt: Date.now() - 30_000,
    callerNumber: '0812-1111-2222',
    withheld: false,
    disposition: 'prank',
    ...over,
  });

const CALL_COLUMNS =
  'SELECT id, desk_id, operator_name, disposition, caller_number, note, ticks, callback FROM calls ORDER BY started_at';

describe('screened calls across desks', () => {
  it('a prank screened on desk 1 is in desk 2’s store, with who took it; the hub keeps it', async () => {
    const { hubFile, open } = await setup();
    const desk1 = await open('desk-1');
    const desk2 = await open('desk-2');
    const { callId } = await screen(desk1.core, {
      note: 'tertawa lalu menutup',
      ticks: ['laughter', 'children'],
    });

    await expect
      .poll(() => rows(desk2.store, CALL_COLUMNS), { timeout: 10_000 })
      .toEqual([
        {
          id: callId,
          desk_id: 'desk-1',
          operator_name: 'Operator Demo',
          disposition: 'prank',
          caller_number: '+6281211112222',
          note: 'tertawa lalu menutup',
          ticks: '["laughter","children"]',
          callback: null,
        },
      ]);
    expect(rows(desk2.store, 'SELECT number, calls FROM callers')).toEqual([
      { number: '+6281211112222', calls: 1 },
    ]);
    expect(rows(hubFile, 'SELECT id, desk_id, operator, note, ticks FROM calls')).toEqual([
      {
        id: callId,
        desk_id: 'desk-1',
        operator: 'Operator Demo',
        note: 'tertawa lalu menutup',
        ticks: '["laughter","children"]',
      },
    ]);
    // Desk 1's own echo did not add a second row there.
    expect(rows(desk1.store, 'SELECT id FROM calls')).toEqual([{ id: callId }]);
  });

  it('a desk that was off when calls were screened catches up, callbacks included', async () => {
    const { open } = await setup();
    const desk1 = await open('desk-1');
    const desk2 = await open('desk-2');
    desk2.close();

    const prank = await screen(desk1.core, {});
    const silent = await screen(desk1.core, {
      disposition: 'silent',
      callerNumber: '0813-3333-4444',
      ticks: ['no_voice'],
    });
    await call(desk1.core, 'call.callback', { callId: silent.callId, outcome: 'no_answer' });
    await expect
      .poll(
        async () =>
          (await call<{ outbox: { waiting: number } }>(desk1.core, 'app.status', {})).outbox
            .waiting,
      )
      .toBe(0);

    const back = await open('desk-2');
    await expect
      .poll(
        () =>
          rows(
            back.store,
            'SELECT id, desk_id, disposition, callback FROM calls ORDER BY started_at',
          ),
        { timeout: 10_000 },
      )
      .toEqual(
        expect.arrayContaining([
          { id: prank.callId, desk_id: 'desk-1', disposition: 'prank', callback: null },
          { id: silent.callId, desk_id: 'desk-1', disposition: 'silent', callback: 'no_answer' },
        ]),
      );
    expect(rows(back.store, 'SELECT id FROM calls')).toHaveLength(2);
  });
});
