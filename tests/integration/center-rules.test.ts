/**
 * The center's rules across the center: a real hub process, desk cores on real SQLite and a
 * raw desk peer. A supervisor publishes a routing table and every desk — online, and one
 * that was off when it happened — suggests the new OPD; new targets reach the clocks; an
 * operator, a stale version and a bad table are refused with their codes and change nothing;
 * each publication is in the center audit log.
 */
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultOf } from '../../shared/api/contract';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { ReferenceData } from '../../shared/domain/reference';
import { suggestOpds } from '../../shared/domain/routing';
import type { Core, ConsoleSession } from '../../electron/core/core';
import { call, centerDemoAccounts, demoAccounts, openDeskCore } from '../support/desk-cores';
import { peerSockets, send } from '../support/hub-peers';
import { randomToken, startHub, tempDir, writeTokens } from '../support/processes';

const tokens = { 'desk-1': randomToken(), 'desk-2': randomToken() };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Rules = ResultOf<'rules.get'>;

async function setup() {
  const dir = tempDir();
  const tokensFile = writeTokens(dir, [
    { token: tokens['desk-1'], kind: 'desk', id: 'desk-1' },
    { token: tokens['desk-2'], kind: 'desk', id: 'desk-2' },
  ]);
  const hub = await startHub(
    path.join(dir, 'hub'),
    tokensFile,
    0,
    centerDemoAccounts(dir, ['desk-1', 'desk-2']),
  );
  cleanups.push(() => hub.stop());

  const desk = async (deskId: 'desk-1' | 'desk-2') => {
    const core: Core = openDeskCore({ dir, deskId, hubUrl: hub.url, hubToken: tokens[deskId] });
    cleanups.push(() => core.close());
    const accounts = await demoAccounts(core, path.join(dir, deskId));
    const signIn = async (username: string): Promise<ConsoleSession> => {
      const screen = core.openSession();
      const a = accounts.find((x) => x.username === username)!;
      await call(screen, 'auth.signIn', { username, password: a.password });
      return screen;
    };
    const operator = await signIn('operator');
    const supervisor = await signIn('supervisor');
    // Online, and the hub has given the supervisor a person token.
    await expect
      .poll(async () => (await supervisor.call('rules.history', { kind: 'routing' })).ok, {
        timeout: 10_000,
      })
      .toBe(true);
    return { core, operator, supervisor, accounts };
  };
  return { dir, hub, desk };
}

const suggestionOn = async (screen: ConsoleSession, categoryId: string, kecamatanId = 'taman') =>
  suggestOpds(
    (await call<ReferenceData>(screen, 'reference.get', {})).routing,
    categoryId,
    kecamatanId,
  );

/** The routing table in force with the fallen-tree rule sent to other OPDs. */
function withFallenTree(rules: Rules, opdIds: string[]) {
  return {
    rules: rules.routing.table.rules.map((r) =>
      r.categoryId === 'pohon-tumbang' ? { ...r, opdIds } : r,
    ),
  };
}

const refusal = async (screen: ConsoleSession, channel: string, args: unknown) => {
  const r = await screen.call(channel, args);
  if (r.ok) throw new Error(`${channel} was applied`);
  return { code: r.error.code, hub: r.error.fields?.hub };
};

describe('routing and targets published at the hub', () => {
  it('reaches every desk, refuses an operator, a stale version and a bad table, and is audited', async () => {
    const { hub, desk } = await setup();
    const one = await desk('desk-1');
    expect(await suggestionOn(one.operator, 'pohon-tumbang')).toEqual(['dlh', 'dishub']);

    const before = await call<Rules>(one.supervisor, 'rules.get', {});
    expect(before.routing.version).toBe(0);
    expect(before.canEdit).toBe(true);
    const published = await call<{ version: number }>(one.supervisor, 'rules.publishRouting', {
      expectedVersion: 0,
      table: withFallenTree(before, ['dpupr']),
      reason: 'DLH tidak lagi menangani pohon tumbang',
    });
    expect(published.version).toBe(1);

    // The publishing desk, through the hub's event like every other desk.
    await expect.poll(() => suggestionOn(one.operator, 'pohon-tumbang')).toEqual(['dpupr']);
    const seen = await call<Rules>(one.operator, 'rules.get', {});
    expect(seen).toMatchObject({
      canEdit: false,
      routing: {
        version: 1,
        person: 'Supervisor Demo',
        reason: 'DLH tidak lagi menangani pohon tumbang',
      },
    });

    // A desk that was not running when it was published learns it through sync.
    const two = await desk('desk-2');
    await expect.poll(() => suggestionOn(two.operator, 'pohon-tumbang')).toEqual(['dpupr']);
    // And its intake sends there: the suggestion is what it dispatches.
    const saved = await call<{ dispatches: Array<{ opdId: string }> }>(
      two.operator,
      'intake.save',
      {
        callId: uuidv7(),
        startedAt: Date.now() - 60_000,
        form: {
          ...emptyIntakeForm(),
          callerNumber: '081234567890',
          categoryId: 'pohon-tumbang',
          urgency: 'darurat',
          kecamatanId: 'taman',
          kelurahanId: 'kejuron',
          address: 'Jl. Pahlawan',
          description: 'Pohon tumbang menutup jalan',
        },
        dispatchTo: await suggestionOn(two.operator, 'pohon-tumbang'),
      },
    );
    expect(saved.dispatches.map((d) => d.opdId)).toEqual(['dpupr']);

    // A second supervisor still on version 0 does not overwrite version 1 unseen.
    expect(
      await refusal(two.supervisor, 'rules.publishRouting', {
        expectedVersion: 0,
        table: withFallenTree(before, ['satpolpp']),
        reason: 'edit dari versi lama',
      }),
    ).toEqual({ code: 'hub.refused', hub: 'rules.version_conflict' });

    // Bad tables: each refused with its own code.
    const current = await call<Rules>(two.supervisor, 'rules.get', {});
    const bad = (table: unknown) =>
      refusal(two.supervisor, 'rules.publishRouting', { expectedVersion: 1, table, reason: 'uji' });
    expect(await bad(withFallenTree(current, ['dinas-fiktif']))).toEqual({
      code: 'hub.refused',
      hub: 'rules.unknown_opd',
    });
    expect(
      await bad({
        rules: [...current.routing.table.rules, { categoryId: 'ufo', opdIds: ['dlh'] }],
      }),
    ).toEqual({ code: 'hub.refused', hub: 'rules.unknown_category' });
    expect(
      await bad({
        rules: [
          ...current.routing.table.rules,
          { categoryId: 'sampah', kecamatanId: 'atlantis', opdIds: ['dlh'] },
        ],
      }),
    ).toEqual({ code: 'hub.refused', hub: 'rules.unknown_kecamatan' });
    expect(
      await bad({
        rules: [...current.routing.table.rules, { categoryId: 'sampah', opdIds: ['dlh'] }],
      }),
    ).toEqual({ code: 'hub.refused', hub: 'rules.duplicate' });

    // An operator, at the desk and at the hub itself with their own person token.
    expect(
      await refusal(two.operator, 'rules.publishRouting', {
        expectedVersion: 1,
        table: withFallenTree(current, ['satpolpp']),
        reason: 'operator mencoba',
      }),
    ).toEqual({ code: 'auth.not_supervisor', hub: undefined });
    const peers = peerSockets();
    cleanups.push(() => peers.closeAll());
    const raw = await peers.connect(`${hub.url}/desk`, tokens['desk-2']);
    const actor = { id: 'desk-2', role: 'desk', person: 'Operator Demo' };
    const password = two.accounts.find((a) => a.username === 'operator')!.password;
    const session = (await send(raw, 'session.open', {
      username: 'operator',
      password,
      actor,
    })) as {
      token: string;
    };
    const byOperator = {
      publishId: uuidv7(),
      expectedVersion: 1,
      table: withFallenTree(current, ['satpolpp']),
      reason: 'operator mencoba',
      personToken: session.token,
      actor,
    };
    expect(await send(raw, 'routing.publish', byOperator)).toMatchObject({
      ok: false,
      error: { code: 'auth.not_supervisor' },
    });
    expect(await send(raw, 'routing.history', { personToken: session.token, actor })).toMatchObject(
      {
        ok: false,
        error: { code: 'auth.not_supervisor' },
      },
    );

    // Nothing of that changed anything: one version, the same suggestion everywhere.
    const history = await call<{ versions: Array<{ version: number; person: string }> }>(
      two.supervisor,
      'rules.history',
      { kind: 'routing' },
    );
    expect(history.versions).toEqual([
      expect.objectContaining({ version: 1, person: 'Supervisor Demo', desk: 'desk-1' }),
    ]);
    expect(await suggestionOn(two.operator, 'pohon-tumbang')).toEqual(['dpupr']);
    expect(await suggestionOn(one.operator, 'pohon-tumbang')).toEqual(['dpupr']);

    // The center audit log has the publication, with who, where and why.
    const audit = await call<{ entries: Array<Record<string, unknown>> }>(
      two.supervisor,
      'audit.list',
      { action: 'routing.publish' },
    );
    expect(audit.entries).toEqual([
      expect.objectContaining({
        action: 'routing.publish',
        person: 'Supervisor Demo',
        desk: 'desk-1',
        details: { version: 1, reason: 'DLH tidak lagi menangani pohon tumbang' },
      }),
    ]);
  });

  it('new category targets reach every desk’s reference and clocks', async () => {
    const { desk } = await setup();
    const one = await desk('desk-1');
    const two = await desk('desk-2');
    // A fallen tree on desk 2, dispatched: its clocks run on the category's targets.
    const { caseId } = await call<{ caseId: string }>(two.operator, 'intake.save', {
      callId: uuidv7(),
      startedAt: Date.now() - 60_000,
      form: {
        ...emptyIntakeForm(),
        callerNumber: '081234567890',
        categoryId: 'pohon-tumbang',
        urgency: 'darurat',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
        address: 'Jl. Pahlawan',
        description: 'Pohon tumbang menutup jalan',
      },
      dispatchTo: ['dlh'],
    });
    const targetsOn = async (screen: ConsoleSession) => {
      const { clocks } = await call<{
        clocks: Array<{ clock: string; target: { amount: number } }>;
      }>(screen, 'case.get', { caseId });
      const of = (name: string) => clocks.find((c) => c.clock === name)?.target.amount;
      return { resolve: of('resolve'), followUp: of('follow_up') };
    };
    expect(await targetsOn(two.operator)).toEqual({ resolve: 20, followUp: 24 });

    const rules = await call<Rules>(one.supervisor, 'rules.get', {});
    const table = {
      ...rules.targets.table,
      categories: rules.targets.table.categories.map((c) =>
        c.categoryId === 'pohon-tumbang'
          ? { ...c, resolveTargetMin: 45, clocks: { ...c.clocks, city: { followUpHours: 12 } } }
          : c,
      ),
    };
    await call(one.supervisor, 'rules.publishTargets', {
      expectedVersion: 0,
      table,
      reason: 'Target pohon tumbang disesuaikan',
    });
    await expect.poll(() => targetsOn(two.operator)).toEqual({ resolve: 45, followUp: 12 });
    const resolveOn = async (screen: ConsoleSession) =>
      (await call<ReferenceData>(screen, 'reference.get', {})).categories.find(
        (c) => c.id === 'pohon-tumbang',
      )?.resolveTargetMin;
    expect(await resolveOn(two.operator)).toBe(45);
    expect((await call<Rules>(two.operator, 'rules.get', {})).targets.version).toBe(1);

    // Targets out of order are refused and change nothing.
    const r = await two.supervisor.call('rules.publishTargets', {
      expectedVersion: 1,
      table: {
        ...table,
        categories: table.categories.map((c) =>
          c.categoryId === 'pohon-tumbang' ? { ...c, resolveTargetMin: 3 } : c,
        ),
      },
      reason: 'terlalu ketat',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'hub.refused', fields: { hub: 'rules.targets_order' } },
    });
    expect(await targetsOn(one.operator)).toEqual({ resolve: 45, followUp: 12 });
  });
});
