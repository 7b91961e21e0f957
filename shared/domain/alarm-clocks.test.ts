/**
 * The alarms read the clocks: with the categories and the holiday calendar as shipped, a
 * dispatch's alarm is what its case's clocks say — the same targets, the same at-risk edge —
 * for an emergency, a street light with its 10-minute resolve target and a complaint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchAlarm, type AlarmInput } from './alarm';
import {
  calendarAlarmId,
  calendarAlarmYear,
  calendarGaps,
  workingDayHorizon,
} from './calendar-alarm';
import { alarmClocksFor, callAlarmRaised } from './call-alarm';
import {
  CalendarFile,
  caseClocks,
  workingCalendar,
  type CaseFacts,
  type ClockReading,
} from './clocks';
import { CategoriesFile } from './reference';

const data = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join('resources', 'data', name), 'utf8'));
const categories = CategoriesFile.parse(data('categories.json'));
const calendar = workingCalendar(CalendarFile.parse(data('calendar.json')));
const clocks = alarmClocksFor(categories.categories, categories.atRiskShare);

const MIN = 60_000;
const HOUR = 60 * MIN;
const wib = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+07:00`);
const t0 = wib('2026-12-07 10:00');

const alarm = (categoryId: string, d: Omit<AlarmInput, 'createdAt' | 'rules'>, after: number) =>
  dispatchAlarm({ ...d, createdAt: t0, rules: clocks.rulesFor(categoryId, d.urgency) }, t0 + after);

describe('an emergency dispatch (kebakaran), not accepted', () => {
  const seen = { status: 'seen', urgency: 'darurat' } as const;
  it('is quiet at 3 minutes, at risk at 4, breached at 6', () => {
    expect(alarm('kebakaran', seen, 3 * MIN)).toBeNull();
    expect(alarm('kebakaran', seen, 4 * MIN)).toEqual({
      level: 'at_risk',
      reason: 'unaccepted',
      since: t0 + 3.75 * MIN,
    });
    expect(alarm('kebakaran', seen, 6 * MIN)).toEqual({
      level: 'breached',
      reason: 'unaccepted',
      since: t0 + 5 * MIN,
    });
  });

  it("turns the operator's row red only once breached", () => {
    const rules = clocks.rulesFor('kebakaran', 'darurat');
    expect(callAlarmRaised({ ...seen, createdAt: t0, rules }, t0 + 4 * MIN)).toBe(false);
    expect(callAlarmRaised({ ...seen, createdAt: t0, rules }, t0 + 6 * MIN)).toBe(true);
  });
});

describe('a street light (lampu-jalan): non-darurat, with emergency minutes and 10 to resolve', () => {
  it('is breached when not accepted within its 5 minutes, not the 24 hours of a complaint', () => {
    expect(alarm('lampu-jalan', { status: 'at_hub', urgency: 'non_darurat' }, 6 * MIN)).toEqual({
      level: 'breached',
      reason: 'unaccepted',
      since: t0 + 5 * MIN,
    });
  });

  it('accepted but not resolved: at risk from 7.5 minutes, breached past 10', () => {
    const accepted = { status: 'in_progress', urgency: 'non_darurat' } as const;
    expect(alarm('lampu-jalan', accepted, 7 * MIN)).toBeNull();
    expect(alarm('lampu-jalan', accepted, 8 * MIN)).toEqual({
      level: 'at_risk',
      reason: 'unresolved',
      since: t0 + 7.5 * MIN,
    });
    expect(alarm('lampu-jalan', accepted, 10 * MIN)?.level).toBe('at_risk');
    expect(alarm('lampu-jalan', accepted, 10 * MIN + 1)).toEqual({
      level: 'breached',
      reason: 'unresolved',
      since: t0 + 10 * MIN,
    });
  });

  it("a slow resolve is the supervisors' alarm, not a call the operator must make", () => {
    const rules = clocks.rulesFor('lampu-jalan', 'non_darurat');
    const d = { status: 'accepted', urgency: 'non_darurat', createdAt: t0, rules } as const;
    expect(callAlarmRaised(d, t0 + 30 * MIN)).toBe(false);
  });
});

describe('a complaint without emergency minutes (jalan-rusak)', () => {
  it("runs the city's 24 hours to accept, and has no resolve alarm", () => {
    const seen = { status: 'seen', urgency: 'non_darurat' } as const;
    expect(alarm('jalan-rusak', seen, 6 * MIN)).toBeNull();
    expect(alarm('jalan-rusak', seen, 18 * HOUR)?.level).toBe('at_risk');
    expect(alarm('jalan-rusak', seen, 24 * HOUR + 1)?.level).toBe('breached');
    expect(alarm('jalan-rusak', { status: 'accepted', urgency: 'non_darurat' }, 99 * HOUR)).toBe(
      null,
    );
  });
});

describe("the alarm and the case's own clocks agree", () => {
  // The dispatch's accept or resolve reading on the case detail, against its alarm.
  const reading = (categoryId: string, urgency: 'darurat' | 'non_darurat', accepted: boolean) => {
    const facts: CaseFacts = {
      urgency,
      reportedAt: t0 - MIN,
      dispatches: [
        {
          dispatchId: 'd1',
          opdId: 'dlh',
          dispatchedAt: t0,
          acceptedAt: accepted ? t0 : null,
          resolvedAt: null,
          endedAt: null,
        },
      ],
      resolvedAt: null,
      closedAt: null,
      cancelledAt: null,
    };
    const rules = clocks.rulesFor(categoryId, urgency);
    return (now: number): ClockReading | undefined =>
      caseClocks(facts, rules, calendar, now).find(
        (r) => r.dispatchId === 'd1' && r.clock === (accepted ? 'resolve' : 'accept'),
      );
  };
  const cases = [
    ['kebakaran', 'darurat'],
    ['pohon-tumbang', 'darurat'],
    ['lampu-jalan', 'non_darurat'],
    ['jalan-rusak', 'non_darurat'],
    ['sampah', 'darurat'],
  ] as const;

  it.each(cases)('%s (%s): at risk and breached at the same instants', (categoryId, urgency) => {
    for (const accepted of [false, true]) {
      const read = reading(categoryId, urgency, accepted);
      const status = accepted ? 'accepted' : 'seen';
      for (let after = 0; after <= 30 * HOUR; after += after < 30 * MIN ? 15_000 : 30 * MIN) {
        const r = read(t0 + after);
        const level = alarm(categoryId, { status, urgency }, after)?.level ?? null;
        const state = r && (r.state === 'at_risk' || r.state === 'breached') ? r.state : null;
        expect(level, `${status} after ${after} ms`).toBe(state);
      }
    }
  });
});

describe('the holiday calendar ahead', () => {
  const horizon = workingDayHorizon(
    categories.categories.flatMap((c) =>
      (['darurat', 'non_darurat'] as const).map((u) => clocks.rulesFor(c.id, u)),
    ),
  );

  it("reaches as far as a complaint's forward, follow-up and close targets: 18 working days", () => {
    expect(horizon).toBe(18);
  });

  it('early December 2026 needs only 2026, which is complete: no alarm', () => {
    expect(calendarGaps(calendar, wib('2026-12-01 09:00'), horizon)).toEqual([]);
  });

  it('from mid December the 18 working days reach into 2027, listed but not complete', () => {
    // 24 and 25 December are off (cuti bersama, Christmas): the span ends in January 2027.
    expect(calendarGaps(calendar, wib('2026-12-10 09:00'), horizon)).toEqual([
      { year: 2027, problem: 'incomplete' },
    ]);
  });

  it('a year the calendar has not got at all is missing, and the scan stops there', () => {
    expect(calendarGaps(calendar, wib('2027-12-20 09:00'), horizon)).toEqual([
      { year: 2027, problem: 'incomplete' },
      { year: 2028, problem: 'missing' },
    ]);
    expect(calendarGaps(calendar, wib('2028-03-01 09:00'), horizon)).toEqual([
      { year: 2028, problem: 'missing' },
    ]);
  });

  it('gives each year one alarm id, and reads the year back only from such an id', () => {
    expect(calendarAlarmId(2027)).toBe('calendar:2027');
    expect(calendarAlarmYear('calendar:2027')).toBe(2027);
    expect(calendarAlarmYear('0193f0c3-4d5e-7f6a-8b7c-8d9e0f1a2b3c:breached:0')).toBeNull();
  });
});
