/**
 * Exports in the center audit log: a real hub process and a desk core. Exports made while
 * the hub is down wait in the desk's outbox and each stands once in the hub's audit log
 * when it is back, as the person who made it; the hub refuses an "unmasked" entry that is
 * not a supervisor's, an entry with no person token, and records a repeat once.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDemoAccounts } from '../../electron/core/auth/demo-accounts';
import type { Core, ConsoleSession } from '../../electron/core/core';
import type { ExportProgress } from '../../shared/domain/exports/request';
import { formatWibDay } from '../../shared/time';
import { call, centerDemoAccounts, demoAccounts, openDeskCore } from '../support/desk-cores';
import { peerSockets, send } from '../support/hub-peers';
import { freePort, randomToken, startHub, tempDir, writeTokens } from '../support/processes';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface AuditRow {
  person_id: string;
  person: string;
  action: string;
  desk: string;
  details: Record<string, unknown>;
}

function exportEntries(hubDir: string): AuditRow[] {
  const db = new Database(path.join(hubDir, 'hub.db'), { readonly: true });
  try {
    return (
      db.prepare("SELECT * FROM audit WHERE action = 'export' ORDER BY id").all() as Array<
        AuditRow & { details: string }
      >
    ).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

/** Starts an export on a screen and waits for it to end. */
async function exportOn(
  core: Core,
  screen: ConsoleSession,
  args: Record<string, unknown>,
): Promise<ExportProgress> {
  const ended = new Promise<ExportProgress>((resolve) => {
    const stop = core.subscribe((e) => {
      if (e.event === 'export.progress' && e.payload.state !== 'running') {
        stop();
        resolve(e.payload);
      }
    });
  });
  await call(screen, 'export.start', args);
  return ended;
}

describe('export.logged', () => {
  it('exports made while the hub is down reach its audit log once each, with who and what', async () => {
    const dir = tempDir();
    const token = randomToken();
    const tokensFile = writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]);
    const hubDir = path.join(dir, 'hub');
    const port = await freePort();
    const hubAccounts = centerDemoAccounts(dir, ['desk-1']);
    const core = openDeskCore({
      dir,
      deskId: 'desk-1',
      hubUrl: `http://127.0.0.1:${port}`,
      hubToken: token,
    });
    cleanups.push(() => core.close());
    const accounts = await demoAccounts(core, path.join(dir, 'desk-1'));
    const passwordOf = (u: string) => accounts.find((a) => a.username === u)!.password;
    const supervisor = core.openSession();
    await call(supervisor, 'auth.signIn', {
      username: 'supervisor',
      password: passwordOf('supervisor'),
    });
    const operator = core.openSession();
    await call(operator, 'auth.signIn', { username: 'operator', password: passwordOf('operator') });

    const today = formatWibDay(Date.now());
    const full = await exportOn(core, supervisor, {
      kind: 'calls',
      format: 'xlsx',
      from: today,
      to: today,
      unmask: true,
    });
    const masked = await exportOn(core, operator, {
      kind: 'cases',
      format: 'csv',
      from: '01/11/2026',
      to: today,
    });
    expect([full.state, masked.state]).toEqual(['done', 'done']);

    const hub = await startHub(hubDir, tokensFile, port, hubAccounts);
    cleanups.push(() => hub.stop());
    await expect.poll(() => exportEntries(hubDir).length, { timeout: 20_000 }).toBe(2);
    // Everything delivered: nothing waits in the outbox, and nothing was sent twice.
    await expect
      .poll(
        async () =>
          (await call<{ outbox: { waiting: number } }>(operator, 'app.status', {})).outbox.waiting,
        {
          timeout: 10_000,
        },
      )
      .toBe(0);
    const [first, second] = exportEntries(hubDir);
    const isoToday = today.split('/').reverse().join('-');
    expect(first).toMatchObject({
      person: 'Supervisor Demo',
      action: 'export',
      desk: 'desk-1',
      details: {
        exportId: full.exportId,
        kind: 'calls',
        format: 'xlsx',
        from: isoToday,
        to: isoToday,
        unmasked: true,
        outcome: 'done',
        rows: 0,
        offline: true,
      },
    });
    expect(second).toMatchObject({
      desk: 'desk-1',
      details: {
        exportId: masked.exportId,
        kind: 'cases',
        format: 'csv',
        from: '2026-11-01',
        to: isoToday,
        unmasked: false,
        outcome: 'done',
      },
    });
    expect(second!.person).not.toBe('Supervisor Demo');
    expect(exportEntries(hubDir)).toHaveLength(2);
  });

  it("refuses an operator's unmasked entry and one with no person, records a repeat once", async () => {
    const dir = tempDir();
    const token = randomToken();
    const tokensFile = writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]);
    const hubDir = path.join(dir, 'hub');
    const hub = await startHub(hubDir, tokensFile, 0, centerDemoAccounts(dir, []));
    cleanups.push(() => hub.stop());
    const peers = peerSockets();
    cleanups.push(() => peers.closeAll());
    const desk = await peers.connect(`${hub.url}/desk`, token);
    const people = writeDemoAccounts(path.join(dir, 'demo-accounts.json'));
    const tokenOf = async (username: string): Promise<string> => {
      const a = people.find((p) => p.username === username)!;
      const opened = await send(desk, 'session.open', {
        username,
        password: a.password,
        actor: { id: 'desk-1', role: 'desk', person: a.displayName },
      });
      expect(opened).toMatchObject({ ok: true });
      return (opened as { token: string }).token;
    };
    const operatorToken = await tokenOf('operator');
    const message = (over: object = {}) => ({
      exportId: uuidv7(),
      kind: 'cases',
      format: 'xlsx',
      from: '2026-11-01',
      to: '2026-11-28',
      unmasked: false,
      outcome: 'done',
      rows: 120,
      startedAt: Date.UTC(2026, 10, 28, 8),
      endedAt: Date.UTC(2026, 10, 28, 8, 1),
      offline: false,
      personToken: operatorToken,
      actor: { id: 'desk-1', role: 'desk', person: 'Operator Demo' },
      ...over,
    });

    const unmasked = await send(desk, 'export.logged', message({ unmasked: true }));
    expect(unmasked).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    const nobody = await send(desk, 'export.logged', message({ personToken: undefined }));
    expect(nobody).toMatchObject({ ok: false, error: { code: 'auth.token_invalid' } });
    const reversed = await send(desk, 'export.logged', message({ to: '2026-10-31' }));
    expect(reversed).toMatchObject({ ok: false, error: { code: 'protocol.invalid' } });
    // Hostile shapes: each refused with a reason, none recorded.
    for (const over of [
      { rows: -1 },
      { from: '2026-13-01' },
      { outcome: 'leaked' },
      { endedAt: Date.UTC(2026, 10, 28, 7) },
      { exportId: '../../etc/passwd' },
      { actor: { id: 'desk-2', role: 'desk', person: 'X' } },
      { person: '<img src=x onerror=alert(1)>' },
      { unmasked: 'true' },
    ]) {
      const answer = await send(desk, 'export.logged', message(over));
      expect(answer, JSON.stringify(over)).toMatchObject({ ok: false });
    }
    expect(await send(desk, 'export.logged', 'x')).toMatchObject({
      ok: false,
      error: { code: 'protocol.invalid' },
    });
    expect(exportEntries(hubDir)).toEqual([]);

    const once = message();
    const a = await send(desk, 'export.logged', once);
    expect(a).toMatchObject({ ok: true });
    expect(await send(desk, 'export.logged', once)).toEqual(a);
    const entries = exportEntries(hubDir);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      person: people.find((p) => p.username === 'operator')!.displayName,
      desk: 'desk-1',
      details: { unmasked: false, rows: 120, from: '2026-11-01', to: '2026-11-28' },
    });

    const supervisorToken = await tokenOf('supervisor');
    const byOne = await send(
      desk,
      'export.logged',
      message({ unmasked: true, personToken: supervisorToken }),
    );
    expect(byOne).toMatchObject({ ok: true });
    expect(exportEntries(hubDir).map((e) => e.details.unmasked)).toEqual([false, true]);
  });
});
