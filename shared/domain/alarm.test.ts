import { describe, expect, it } from 'vitest';
import { alarmId, dispatchAlarm, type AlarmInput } from './alarm';
import { callAlarmRaised } from './call-alarm';
import type { DeskDispatchStatus } from './dispatch';

const t0 = Date.UTC(2026, 10, 28, 1, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

type Row = [
  string,
  Omit<AlarmInput, 'createdAt' | 'status'> & { status: DeskDispatchStatus },
  number,
  ReturnType<typeof dispatchAlarm>,
];

// [what, dispatch (made at t0), now − t0, the alarm]
const table: Row[] = [
  ['emergency at the hub, fresh: quiet', { status: 'at_hub', urgency: 'darurat' }, MIN, null],
  [
    'emergency: just under 75% of 5 min is not at risk yet',
    { status: 'at_hub', urgency: 'darurat' },
    3.75 * MIN - 1,
    null,
  ],
  [
    'emergency: exactly 75% of 5 min is at risk (the clocks: from the share on)',
    { status: 'at_hub', urgency: 'darurat' },
    3.75 * MIN,
    { level: 'at_risk', reason: 'unaccepted', since: t0 + 3.75 * MIN },
  ],
  [
    'emergency: past 75% of its 5 min is at risk, since 3 min 45 s',
    { status: 'seen', urgency: 'darurat' },
    4 * MIN,
    { level: 'at_risk', reason: 'unaccepted', since: t0 + 3.75 * MIN },
  ],
  [
    'emergency: exactly 5 min is still only at risk',
    { status: 'seen', urgency: 'darurat' },
    5 * MIN,
    { level: 'at_risk', reason: 'unaccepted', since: t0 + 3.75 * MIN },
  ],
  [
    'emergency: past 5 min is breached, since 5 min',
    { status: 'seen', urgency: 'darurat' },
    5 * MIN + 1,
    { level: 'breached', reason: 'unaccepted', since: t0 + 5 * MIN },
  ],
  [
    'complaint: 8 min is nothing against 24 h',
    { status: 'seen', urgency: 'non_darurat' },
    8 * MIN,
    null,
  ],
  [
    'complaint: 19 h is at risk',
    { status: 'at_hub', urgency: 'non_darurat' },
    19 * HOUR,
    { level: 'at_risk', reason: 'unaccepted', since: t0 + 18 * HOUR },
  ],
  [
    'unsent past 1.5 min: at risk',
    { status: 'waiting', urgency: 'non_darurat' },
    1.75 * MIN,
    { level: 'at_risk', reason: 'unsent', since: t0 + 1.5 * MIN },
  ],
  [
    'unsent past 2 min: breached',
    { status: 'waiting', urgency: 'darurat' },
    3 * MIN,
    { level: 'breached', reason: 'unsent', since: t0 + 2 * MIN },
  ],
  [
    'refused by the hub: breached at once',
    { status: 'refused', urgency: 'darurat' },
    0,
    { level: 'breached', reason: 'refused', since: t0 },
  ],
  ['accepted: never', { status: 'accepted', urgency: 'darurat' }, 10 * HOUR, null],
  ['returned: never (re-routing)', { status: 'returned', urgency: 'darurat' }, 10 * HOUR, null],
  ['withdrawn: never', { status: 'withdrawn', urgency: 'darurat' }, 10 * HOUR, null],
  [
    'escalated at 6 min: the accept clock starts again, quiet at 8 min',
    { status: 'seen', urgency: 'darurat', rearmedAt: t0 + 6 * MIN },
    8 * MIN,
    null,
  ],
  [
    'escalated at 6 min: breached again past 11 min',
    { status: 'seen', urgency: 'darurat', rearmedAt: t0 + 6 * MIN },
    11 * MIN + 1,
    { level: 'breached', reason: 'unaccepted', since: t0 + 11 * MIN },
  ],
];

describe('the alarm of a dispatch', () => {
  it.each(table)('%s', (_what, d, after, expected) => {
    expect(dispatchAlarm({ ...d, createdAt: t0 }, t0 + after)).toEqual(expected);
  });

  it('the red "Telepon OPD" row is exactly the breached alarm (nobody phoned yet)', () => {
    for (const [, d, after] of table) {
      const input = { ...d, createdAt: t0, rearmedAt: null };
      expect(callAlarmRaised(input, t0 + after)).toBe(
        dispatchAlarm(input, t0 + after)?.level === 'breached',
      );
    }
  });

  it('gives each level and each arming its own id, so a worse one sounds again', () => {
    const risk = alarmId('d1', 'at_risk', 0);
    const breach = alarmId('d1', 'breached', 0);
    const rearmed = alarmId('d1', 'breached', 1);
    expect(new Set([risk, breach, rearmed]).size).toBe(3);
    expect(alarmId('d1', 'at_risk', 0)).toBe(risk);
  });
});
