/**
 * Hostile `routing.publish`, `targets.publish`, `routing.history` and `targets.history`
 * frames against a real hub process: each is refused with its code, the event log does not
 * move, and the peer stays connected.
 */
import { v7 as uuidv7 } from 'uuid';
import { expect, it } from 'vitest';
import { hubForTests, send } from '../support/hub-peers';
import { describeEachStore } from '../support/hub-stores';
import { randomToken } from '../support/processes';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const actor = { id: 'desk-1', role: 'desk', person: 'Supervisor Demo' };
const token = 'Zx8c1nq0Vd3r4Q9yXk2L7m5T6b0aPz1e';

const routing = (table: unknown, extra: object = {}) => ({
  publishId: uuidv7(),
  expectedVersion: 0,
  table,
  reason: 'uji',
  personToken: token,
  actor,
  ...extra,
});
const targets = (table: unknown, extra: object = {}) => ({ ...routing(table), ...extra });
const oneRule = { rules: [{ categoryId: 'sampah', opdIds: ['dlh'] }] };
const oneTarget = {
  atRiskShare: 0.75,
  categories: [{ categoryId: 'sampah', clocks: { city: { followUpHours: 24 } } }],
};

describeEachStore('hostile rules frames', (store) => {
  const hub = hubForTests([desk], store);
  it('refuses each with its code, stores nothing and keeps serving', async () => {
    const d = await hub.connect('/desk', desk.token);
    const before = ((await send(d, 'sync', { sinceSeq: 0, limit: 1000 })) as { lastSeq: number })
      .lastSeq;
    const bad: Array<[string, unknown, string]> = [
      ['routing.publish', 'not an object', 'protocol.invalid'],
      ['routing.publish', [], 'protocol.invalid'],
      ['routing.publish', routing({ rules: [] }), 'protocol.invalid'],
      ['routing.publish', routing(oneRule, { rogue: true }), 'protocol.invalid'],
      ['routing.publish', routing({ ...oneRule, extra: 1 }), 'protocol.invalid'],
      ['routing.publish', routing(oneRule, { expectedVersion: -1 }), 'protocol.invalid'],
      ['routing.publish', routing(oneRule, { expectedVersion: '0' }), 'protocol.invalid'],
      ['routing.publish', routing(oneRule, { reason: '   ' }), 'protocol.invalid'],
      ['routing.publish', routing(oneRule, { reason: 'x'.repeat(5000) }), 'protocol.invalid'],
      ['routing.publish', routing(oneRule, { publishId: 'not-a-uuid' }), 'protocol.invalid'],
      ['routing.publish', routing(oneRule, { personToken: undefined }), 'protocol.invalid'],
      [
        'routing.publish',
        routing({ rules: [{ categoryId: 'Sampah<script>', opdIds: ['dlh'] }] }),
        'protocol.invalid',
      ],
      [
        'routing.publish',
        routing({ rules: [{ categoryId: 'sampah', opdIds: ['a', 'b', 'c', 'd', 'e', 'f'] }] }),
        'protocol.invalid',
      ],
      [
        'routing.publish',
        routing({ rules: Array.from({ length: 501 }, () => oneRule.rules[0]) }),
        'protocol.invalid',
      ],
      [
        'routing.publish',
        routing(oneRule, { actor: { id: 'desk-2', role: 'desk', person: 'X' } }),
        'auth.actor_mismatch',
      ],
      // Well formed, but nobody signed in with this token.
      ['routing.publish', routing(oneRule), 'auth.token_invalid'],
      ['targets.publish', targets({ ...oneTarget, atRiskShare: 1.5 }), 'protocol.invalid'],
      ['targets.publish', targets({ ...oneTarget, atRiskShare: 0 }), 'protocol.invalid'],
      [
        'targets.publish',
        targets({
          ...oneTarget,
          categories: [{ categoryId: 'sampah', resolveTargetMin: -5, clocks: {} }],
        }),
        'protocol.invalid',
      ],
      [
        'targets.publish',
        targets({
          ...oneTarget,
          categories: [{ categoryId: 'sampah', clocks: { lapor: { closeDays: 1e9 } } }],
        }),
        'protocol.invalid',
      ],
      [
        'targets.publish',
        targets({
          ...oneTarget,
          categories: [{ categoryId: 'sampah', clocks: { moon: { days: 1 } } }],
        }),
        'protocol.invalid',
      ],
      ['targets.publish', targets(oneRule), 'protocol.invalid'],
      ['targets.publish', targets(oneTarget), 'auth.token_invalid'],
      ['routing.history', {}, 'protocol.invalid'],
      ['routing.history', { limit: 10_000, personToken: token, actor }, 'protocol.invalid'],
      ['routing.history', { personToken: token, actor }, 'auth.token_invalid'],
      ['targets.history', { personToken: token, actor, since: 0 }, 'protocol.invalid'],
    ];
    for (const [event, payload, code] of bad) {
      expect(await send(d, event, payload), `${event} → ${code}`).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    const after = (await send(d, 'sync', { sinceSeq: 0, limit: 1000 })) as { lastSeq: number };
    expect(after.lastSeq).toBe(before);
    expect(d.connected).toBe(true);
  });
});
