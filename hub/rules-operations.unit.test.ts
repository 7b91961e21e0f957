/**
 * The center's rules at the hub, through the center's record on a real store: a supervisor
 * publishes whole versions made on the one in force; a repeat of a publication is answered
 * as the first; an operator, a stale version and a bad table are refused, changing nothing;
 * each version is in the event log, the history and the audit log; the dashboard's
 * resolve targets follow the published targets.
 */
import { v7 as uuidv7 } from 'uuid';
import { beforeEach, describe, expect, it } from 'vitest';
import { targetsFromCategories } from '../shared/domain/center-rules';
import { actorOf, desk1, desk2, useCenterRecord } from '../tests/support/center-record';
import { firstSupervisor, passwordHash, person, type Person } from '../tests/support/people';
import { liveResolveTargets } from './rules-targets';

const h = useCenterRecord();
let boss: Person;
let operator: Person;
beforeEach(async () => {
  const hash = await passwordHash();
  boss = firstSupervisor(h.record, hash);
  operator = person(h.record, boss, 'operator', 'andi', hash);
});

const table = (opdIds: string[]) => ({
  rules: [
    { categoryId: 'pohon-tumbang', opdIds },
    { categoryId: 'sampah', kecamatanId: 'taman', opdIds: ['dlh'] },
  ],
});
const publish = (p: Person, expectedVersion: number, opdIds: string[], by = desk1) => ({
  publishId: uuidv7(),
  expectedVersion,
  table: table(opdIds),
  reason: `ke ${opdIds.join('+')}`,
  personToken: p.token,
  actor: actorOf(by),
});

describe('routing.publish at the hub', () => {
  it('makes numbered versions, each once, in the event log, history and audit log', () => {
    const first = publish(boss, 0, ['dishub']);
    const out = h.record.rules.publishRouting(desk1, first);
    expect(out.ack).toMatchObject({ ok: true, version: 1 });
    expect(out.events).toMatchObject([
      { type: 'routing.changed', version: 1, table: table(['dishub']), reason: 'ke dishub' },
    ]);
    // A repeat (a lost answer) gets the first answer and makes no version 2.
    expect(h.record.rules.publishRouting(desk1, first)).toEqual({ ack: out.ack, events: [] });
    expect(
      h.record.rules.publishRouting(desk2, publish(boss, 1, ['dlh'], desk2)).ack,
    ).toMatchObject({ ok: true, version: 2 });
    expect(h.record.rules.history('routing', 10)).toMatchObject([
      { version: 2, desk: 'desk-2', person: 'Kepala Regu', reason: 'ke dlh' },
      { version: 1, desk: 'desk-1', person: 'Kepala Regu', reason: 'ke dishub' },
    ]);
    expect(h.record.audit.list({ action: 'routing.publish', limit: 10 })).toMatchObject([
      { desk: 'desk-2', details: { version: 2 } },
      { desk: 'desk-1', details: { version: 1 } },
    ]);
  });

  it('refuses an operator, a stale version and a bad table, changing nothing', () => {
    const lastSeq = () => h.record.sync(0, 1000).lastSeq;
    const before = lastSeq();
    const refused = (msg: ReturnType<typeof publish>) =>
      h.record.rules.publishRouting(desk1, msg).ack;
    expect(refused(publish(operator, 0, ['dishub']))).toMatchObject({
      ok: false,
      error: { code: 'auth.not_supervisor' },
    });
    expect(refused(publish(boss, 3, ['dishub']))).toMatchObject({
      ok: false,
      error: { code: 'rules.version_conflict' },
    });
    expect(refused(publish(boss, 0, ['nasa']))).toMatchObject({
      ok: false,
      error: { code: 'rules.unknown_opd' },
    });
    expect(refused(publish(boss, 0, ['dlh', 'dlh']))).toMatchObject({
      ok: false,
      error: { code: 'rules.duplicate' },
    });
    expect(lastSeq()).toBe(before);
    expect(h.record.rules.history('routing', 10)).toEqual([]);
    expect(h.record.audit.list({ action: 'routing.publish', limit: 10 })).toEqual([]);
  });
});

describe('targets.publish at the hub', () => {
  it('moves the dashboard’s resolve targets from the files’ to the published ones', () => {
    const files = new Map([['pohon-tumbang', 20]]);
    const live = liveResolveTargets(h.record.rules, files);
    expect(live.get('pohon-tumbang')).toBe(20);
    const current = h.record.rules.currentTargets();
    expect(current.version).toBe(0);
    const slower = {
      ...current.table,
      categories: current.table.categories.map((c) =>
        c.categoryId === 'pohon-tumbang' ? { ...c, resolveTargetMin: 45 } : c,
      ),
    };
    const out = h.record.rules.publishTargets(desk1, {
      publishId: uuidv7(),
      expectedVersion: 0,
      table: slower,
      reason: 'lebih longgar',
      personToken: boss.token,
      actor: actorOf(desk1),
    });
    expect(out.ack).toMatchObject({ ok: true, version: 1 });
    expect(live.get('pohon-tumbang')).toBe(45);
    expect(new Map(live).get('pohon-tumbang')).toBe(45);
    // A category not on the table is refused; the targets stay as published.
    const unknown = targetsFromCategories({
      categories: [{ id: 'ufo', clocks: {} }],
    });
    expect(
      h.record.rules.publishTargets(desk1, {
        publishId: uuidv7(),
        expectedVersion: 1,
        table: unknown,
        reason: 'x',
        personToken: boss.token,
        actor: actorOf(desk1),
      }).ack,
    ).toMatchObject({ ok: false, error: { code: 'rules.unknown_category' } });
    expect(live.get('pohon-tumbang')).toBe(45);
  });
});
