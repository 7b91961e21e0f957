/**
 * (d) Two desks edit the same case while each is cut off from the hub by its own
 * partition. The cases are opened on one desk and taken over by the other, so both may
 * edit; during the partition both change one shared field to different values (and other
 * fields at random). After the partitions heal, in a seeded order and rhythm, both replicas
 * equal the hub's record, the hub logged a conflict for every replaced value, and both
 * desks' timelines show each conflict with the value it replaced: no edit vanishes unseen.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyIntakeForm } from '../../shared/domain/intake';
import type { CaseDetail } from '../../shared/domain/queue';
import { startFleet, type Desk, type Fleet } from '../support/dispatch-fleet';
import { faultRounds, faultSeed, replayHint } from '../support/fault-seed';
import { until } from '../support/processes';
import { openReadonly } from '../support/replica-check';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

let fleet: Fleet | undefined;
const proxies: TcpProxy[] = [];
afterEach(async () => {
  await fleet?.stop();
  fleet = undefined;
  for (const p of proxies.splice(0)) await p.close();
});

const TEXT_FIELDS = ['description', 'address', 'landmark'] as const;
const WORDS = ['banjir', 'genangan', 'pohon', 'kabel', 'jalan', 'gang', 'selokan', 'lampu'];

describe('two desks editing one case while partitioned', () => {
  it('agree with the hub after healing, and both timelines show each conflict', async () => {
    const { seed, random } = faultSeed('partition-conflict', 404);
    const rounds = faultRounds(2);
    const phrase = (): string =>
      Array.from({ length: random.int(2, 5) }, () => random.pick(WORDS)).join(' ') +
      ` ${random.int(1, 999)}`;
    try {
      fleet = await startFleet({
        desks: 2,
        random,
        async hubUrlFor(_deskId, hubPort) {
          const proxy = await startTcpProxy({ targetPort: hubPort });
          proxies.push(proxy);
          return proxy.url;
        },
      });
      const f = fleet;
      const [a, b] = f.desks as [Desk, Desk];
      const state = async (desk: Desk) =>
        (await f.api<{ hub: { state: string } }>(desk, 'app.status', {})).hub.state;
      const detail = (desk: Desk, caseId: string) =>
        f.api<CaseDetail>(desk, 'case.get', { caseId });
      const has = async (desk: Desk, caseId: string) => {
        try {
          return await detail(desk, caseId);
        } catch {
          return undefined;
        }
      };
      const cases: string[] = [];

      for (let round = 0; round < rounds; round++) {
        const [opener, taker] = random.chance(0.5) ? [a, b] : [b, a];
        const { caseId } = await f.api<{ caseId: string }>(opener, 'intake.save', {
          callId: uuidv7(),
          startedAt: Date.now() - 30_000,
          form: {
            ...emptyIntakeForm(),
            withheld: true,
            categoryId: 'pohon-tumbang',
            urgency: 'darurat',
            description: phrase(),
            kecamatanId: 'taman',
            kelurahanId: 'kejuron',
          },
        });
        cases.push(caseId);
        await until(() => has(taker, caseId), 60_000, 100);
        await f.api(taker, 'case.claim', { caseId });
        await until(async () => (await detail(opener, caseId)).holderDesk === taker.id, 60_000);

        for (const p of proxies) p.isolate();
        await until(
          async () => (await state(a)) !== 'online' && (await state(b)) !== 'online',
          60_000,
        );

        // Both change the shared field, to different values; each may change more.
        const shared = random.pick(TEXT_FIELDS);
        for (const desk of [a, b]) {
          for (let edit = random.int(1, 3); edit > 0; edit--) {
            const fields: Record<string, string> = { [shared]: `${desk.id} ${phrase()}` };
            if (random.chance(0.5)) fields[random.pick(TEXT_FIELDS)] = `${desk.id} ${phrase()}`;
            if (random.chance(0.3)) fields.urgency = random.pick(['darurat', 'non_darurat']);
            await f.api(desk, 'case.update', { caseId, edit: fields });
          }
        }

        // Heal: both at once, or one after the other with the first drained or not.
        const order = random.chance(0.5) ? [0, 1] : [1, 0];
        const rhythm = random.pick(['together', 'drained', 'overlap'] as const);
        proxies[order[0]!]!.heal();
        if (rhythm === 'drained') {
          const first = f.desks[order[0]!]!;
          await until(async () => (await f.waiting(first)) === 0, 60_000, 100);
        } else if (rhythm === 'overlap') {
          await new Promise((r) => setTimeout(r, random.int(0, 1500)));
        }
        proxies[order[1]!]!.heal();
        process.stdout.write(
          `partition-conflict: round ${round + 1}, ${shared} edited on both, healed ${rhythm}\n`,
        );
      }
      await f.settle();

      // The hub logged each replaced value; each desk shows exactly those, in order.
      const hub = openReadonly(await f.files.hub());
      try {
        for (const caseId of cases) {
          const logged = (
            hub
              .prepare(
                `SELECT json_extract(body, '$.fields') AS fields FROM events
                 WHERE type = 'case.conflict' AND case_id = ? ORDER BY seq`,
              )
              .all(caseId) as Array<{ fields: string }>
          ).map((r) => JSON.parse(r.fields) as Record<string, unknown>);
          expect(logged.length, `conflicts logged for ${caseId}`).toBeGreaterThan(0);
          const [da, db] = [await detail(a, caseId), await detail(b, caseId)];
          for (const d of [da, db]) {
            const shown = d.timeline
              .filter((e) => e.kind === 'conflict')
              .map((e) => JSON.parse(e.note ?? '{}') as Record<string, unknown>);
            expect(shown).toEqual(logged);
          }
          for (const field of [...TEXT_FIELDS, 'urgency'] as const) {
            expect(da[field], `${field} of ${caseId}`).toBe(db[field]);
          }
        }
      } finally {
        hub.close();
      }
    } catch (error) {
      process.stdout.write(`${replayHint('partition-conflict', seed)}\n`);
      throw error;
    }
  }, 900_000);
});
