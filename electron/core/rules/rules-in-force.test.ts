/**
 * The rules a desk uses, on a real desk store: the files until the hub's events bring a
 * published version, then that version for routing suggestions and the clocks; an older
 * version never replaces a newer one; it survives a restart; a row this code cannot read
 * falls back to the files. And through the console core: everyone sees the table, only a
 * supervisor may publish, and publishing needs the hub.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoutingTable, TargetsTable } from '../../../shared/domain/center-rules';
import { suggestOpds } from '../../../shared/domain/routing';
import type { Actor, HubEvent } from '../../../shared/hub/messages';
import { createLogger } from '../../../shared/log';
import { loadClockData } from '../clocks/clock-data';
import { readDuplicateRules } from '../duplicate-rules';
import { openCore, type Core } from '../core';
import { openStore, type Store } from '../store/database';
import { createDeskStore } from '../store/desk-store';
import type { DeskStore } from '../store/interface';
import { loadDefaultReference, readReference } from '../store/reference';
import { createRulesInForce, readFileTargets } from './rules-in-force';

const resources = path.join(process.cwd(), 'resources', 'data');
const budi: Actor = { id: 'desk-2', role: 'desk', person: 'Budi Supervisor' };
const T0 = Date.UTC(2026, 11, 3, 1, 0, 0);

let dir: string;
let db: Store | undefined;
let store: DeskStore;
const open = () => {
  db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, resources);
  store = createDeskStore(
    db,
    'desk-1',
    createLogger('t', () => undefined),
    {
      duplicates: readDuplicateRules(resources),
      hashOf: (n) => n,
    },
  );
  const rules = createRulesInForce(
    store.centerRules,
    readReference(db),
    readFileTargets(resources),
  );
  return { rules, clocks: loadClockData(resources, rules.publishedTargets) };
};
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-rules-'));
});
afterEach(() => {
  db?.close();
  db = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const fileRouting = (): RoutingTable => ({ rules: readReference(db!).routing });
const fallenTreeTo = (opdIds: string[]): RoutingTable => ({
  rules: fileRouting().rules.map((r) => (r.categoryId === 'pohon-tumbang' ? { ...r, opdIds } : r)),
});
const routingChanged = (seq: number, version: number, table: RoutingTable): HubEvent => ({
  seq,
  type: 'routing.changed',
  at: T0 + seq,
  actor: budi,
  version,
  table,
  reason: `versi ${version}`,
});
const targetsChanged = (seq: number, version: number, table: TargetsTable): HubEvent => ({
  seq,
  type: 'targets.changed',
  at: T0 + seq,
  actor: budi,
  version,
  table,
  reason: `versi ${version}`,
});

describe('rules in force on a desk', () => {
  it('follows the files, then the published versions, newest only, across a restart', () => {
    let { rules, clocks } = open();
    const fallenTree = () => suggestOpds(rules.reference().routing, 'pohon-tumbang', 'taman');
    const resolveMin = () => clocks.rulesFor('pohon-tumbang', 'darurat').emergency?.resolveMin;
    expect(rules.routing().version).toBe(0);
    expect(fallenTree()).toEqual(['dlh', 'dishub']);
    expect(resolveMin()).toBe(20);

    expect(store.replica.apply(routingChanged(1, 2, fallenTreeTo(['dpupr'])), T0)).toBe('applied');
    expect(fallenTree()).toEqual(['dpupr']);
    expect(rules.routing()).toMatchObject({ version: 2, person: 'Budi Supervisor' });
    // An older version arriving later (a replay) does not replace the newer one.
    expect(store.replica.apply(routingChanged(2, 1, fallenTreeTo(['satpolpp'])), T0)).toBe(
      'applied',
    );
    expect(fallenTree()).toEqual(['dpupr']);

    const targets = readFileTargets(resources);
    const faster: TargetsTable = {
      atRiskShare: 0.5,
      categories: targets.categories.map((c) =>
        c.categoryId === 'pohon-tumbang' ? { ...c, resolveTargetMin: 45 } : c,
      ),
    };
    store.replica.apply(targetsChanged(3, 1, faster), T0);
    expect(resolveMin()).toBe(45);
    expect(clocks.rulesFor('pohon-tumbang', 'darurat').atRiskShare).toBe(0.5);
    expect(rules.reference().categories.find((c) => c.id === 'pohon-tumbang')).toMatchObject({
      resolveTargetMin: 45,
    });

    db!.close();
    ({ rules, clocks } = open());
    expect(fallenTree()).toEqual(['dpupr']);
    expect(resolveMin()).toBe(45);
  });

  it('falls back to the files when the kept table cannot be read', () => {
    const { rules } = open();
    store.replica.apply(routingChanged(1, 1, fallenTreeTo(['dpupr'])), T0);
    expect(rules.routing().version).toBe(1);
    db!.prepare('UPDATE center_rules SET body = \'{"rules":"rusak"}\'').run();
    db!.close();
    const reopened = open();
    expect(reopened.rules.routing().version).toBe(0);
    expect(suggestOpds(reopened.rules.reference().routing, 'pohon-tumbang', 'taman')).toEqual([
      'dlh',
      'dishub',
    ]);
  });
});

describe('rules through the console core', () => {
  let core: Core;
  afterEach(() => core.close());

  it('shows everyone the table, lets only a supervisor publish, and needs the hub for it', async () => {
    core = openCore({
      dataDir: path.join(dir, 'desk'),
      mode: 'browser',
      version: 't',
      log: createLogger('t', () => undefined),
      resourcesDir: resources,
    });
    const accounts = (await core.ensureDemoAccounts())!;
    const screen = async (username: string) => {
      const s = core.openSession();
      const password = accounts.find((a) => a.username === username)!.password;
      expect(await s.call('auth.signIn', { username, password })).toMatchObject({ ok: true });
      return s;
    };
    const operator = await screen('operator');
    const supervisor = await screen('supervisor');
    const seen = await operator.call('rules.get', {});
    expect(seen).toMatchObject({ ok: true, value: { canEdit: false, routing: { version: 0 } } });
    const publish = {
      expectedVersion: 0,
      table: { rules: [{ categoryId: 'sampah', opdIds: ['dlh'] }] },
      reason: 'uji',
    };
    expect(await operator.call('rules.publishRouting', publish)).toMatchObject({
      ok: false,
      error: { code: 'auth.not_supervisor' },
    });
    expect(await supervisor.call('rules.get', {})).toMatchObject({ value: { canEdit: true } });
    // No hub: nothing can be published, nor its history read.
    expect(await supervisor.call('rules.publishRouting', publish)).toMatchObject({
      ok: false,
      error: { code: 'hub.offline' },
    });
    expect(await supervisor.call('rules.history', { kind: 'targets' })).toMatchObject({
      ok: false,
      error: { code: 'hub.offline' },
    });
    // A table that is not a table never reaches the hub.
    expect(
      await supervisor.call('rules.publishRouting', { ...publish, table: { rules: [] } }),
    ).toMatchObject({ ok: false, error: { code: 'api.invalid_args' } });
    expect(await operator.call('rules.get', {})).toMatchObject({
      value: { routing: { version: 0 } },
    });
  });
});
