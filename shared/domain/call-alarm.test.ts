import { describe, expect, it } from 'vitest';
import {
  CALLABLE_STATUSES,
  QUIET_UP_TO_MS,
  callAlarmRaised,
  type CallAlarmInput,
} from './call-alarm';

const t0 = Date.UTC(2026, 10, 28, 1, 0, 0);
const s = 1_000;
const min = 60 * s;
const hour = 60 * min;

type Row = [string, Omit<CallAlarmInput, 'createdAt'>, number, boolean];

// [what, dispatch (created at t0), now − t0, needs a call]
const table: Row[] = [
  ['refused: at once', { status: 'refused', urgency: 'darurat' }, 0, true],
  [
    'unsent: exactly 2 min is not late yet',
    { status: 'waiting', urgency: 'darurat' },
    2 * min,
    false,
  ],
  ['unsent: 2 min + 1 ms', { status: 'waiting', urgency: 'darurat' }, 2 * min + 1, true],
  [
    'unsent complaint: same 2 min',
    { status: 'waiting', urgency: 'non_darurat' },
    2 * min + 1,
    true,
  ],
  [
    'at hub, emergency: exactly at the 5 min target',
    { status: 'at_hub', urgency: 'darurat' },
    5 * min,
    false,
  ],
  ['at hub, emergency: 5 min + 1 ms', { status: 'at_hub', urgency: 'darurat' }, 5 * min + 1, true],
  ['seen, emergency: 8 min unaccepted', { status: 'seen', urgency: 'darurat' }, 8 * min, true],
  [
    'seen, complaint: 8 min is within its 24 h',
    { status: 'seen', urgency: 'non_darurat' },
    8 * min,
    false,
  ],
  ['seen, complaint: exactly 24 h', { status: 'seen', urgency: 'non_darurat' }, 24 * hour, false],
  ['seen, complaint: 24 h + 1 ms', { status: 'seen', urgency: 'non_darurat' }, 24 * hour + 1, true],
  ['accepted: never', { status: 'accepted', urgency: 'darurat' }, 10 * hour, false],
  ['in progress: never', { status: 'in_progress', urgency: 'darurat' }, 10 * hour, false],
  ['resolved: never', { status: 'resolved', urgency: 'darurat' }, 10 * hour, false],
  [
    'returned: never (it goes to re-routing)',
    { status: 'returned', urgency: 'darurat' },
    10 * hour,
    false,
  ],
  ['withdrawn: never', { status: 'withdrawn', urgency: 'darurat' }, 10 * hour, false],
  // "<OPD> sudah ditelepon" at t0 + 6 min rests it for 5 minutes, then asks again.
  [
    'called, still unaccepted: resting',
    { status: 'seen', urgency: 'darurat', calledAt: t0 + 6 * min },
    8 * min,
    false,
  ],
  [
    'called: exactly 5 min after the call',
    { status: 'seen', urgency: 'darurat', calledAt: t0 + 6 * min },
    11 * min,
    false,
  ],
  [
    'called: 5 min + 1 ms after the call',
    { status: 'seen', urgency: 'darurat', calledAt: t0 + 6 * min },
    11 * min + 1,
    true,
  ],
  [
    'called about an unsent one: rests, then asks again',
    { status: 'waiting', urgency: 'darurat', calledAt: t0 + 3 * min },
    8 * min + 1,
    true,
  ],
  [
    'called about a refusal: handled by phone for good',
    { status: 'refused', urgency: 'darurat', calledAt: t0 },
    10 * hour,
    false,
  ],
  [
    'called, then accepted: quiet',
    { status: 'accepted', urgency: 'darurat', calledAt: t0 + 6 * min },
    20 * min,
    false,
  ],
];

describe('Telepon OPD: does a dispatch need a phone call?', () => {
  it.each(table)('%s', (_what, d, after, expected) => {
    expect(callAlarmRaised({ ...d, createdAt: t0 }, t0 + after)).toBe(expected);
  });
});

describe('the quiet age a store may skip unread', () => {
  const urgencies = ['darurat', 'non_darurat'] as const;
  const calls = [null, t0 - hour, t0, t0 + min];

  it.each(CALLABLE_STATUSES.filter((s) => QUIET_UP_TO_MS[s] !== null))(
    '%s: never raised up to it, whatever the urgency or calls; raised just past it for some',
    (status) => {
      const quiet = QUIET_UP_TO_MS[status]!;
      for (const urgency of urgencies) {
        for (const calledAt of calls) {
          for (const age of [-min, 0, quiet / 2, quiet]) {
            expect(callAlarmRaised({ status, urgency, calledAt, createdAt: t0 }, t0 + age)).toBe(
              false,
            );
          }
        }
      }
      // The bound is the rule's own edge, not merely safe: one millisecond later it raises.
      expect(
        urgencies.some((urgency) =>
          callAlarmRaised({ status, urgency, createdAt: t0 }, t0 + quiet + 1),
        ),
      ).toBe(true);
    },
  );

  it('a refusal has no quiet age: it needs a call at once', () => {
    expect(QUIET_UP_TO_MS.refused).toBeNull();
    expect(callAlarmRaised({ status: 'refused', urgency: 'darurat', createdAt: t0 }, t0)).toBe(
      true,
    );
  });
});
