/**
 * The three clocks of a case and its dispatches, read at a given "now". vitest.config.ts
 * also runs this file under TZ=UTC and TZ=America/Los_Angeles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CategoriesFile } from '../reference';
import { formatWib } from '../../time';
import {
  CalendarFile,
  caseClocks,
  clockRulesFor,
  dispatchClocks,
  hubClockOffset,
  hubNow,
  incompleteCalendarYears,
  missingCalendarYears,
  workingCalendar,
  worstState,
  type CaseFacts,
  type ClockReading,
  type DispatchFacts,
} from './index';

const data = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join('resources', 'data', name), 'utf8'));
const calendar = workingCalendar(CalendarFile.parse(data('calendar.json')));
const categoriesFile = CategoriesFile.parse(data('categories.json'));
const category = (id: string) => categoriesFile.categories.find((c) => c.id === id)!;

const MIN = 60_000;
const wib = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+07:00`);

const dispatch = (over: Partial<DispatchFacts> = {}): DispatchFacts => ({
  dispatchId: 'd1',
  opdId: 'dlh',
  dispatchedAt: null,
  acceptedAt: null,
  resolvedAt: null,
  endedAt: null,
  ...over,
});
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  urgency: 'darurat',
  reportedAt: wib('2026-12-07 10:00'),
  dispatches: [],
  resolvedAt: null,
  closedAt: null,
  cancelledAt: null,
  ...over,
});
const byName = (readings: ClockReading[], clock: ClockReading['clock']) =>
  readings.find((r) => r.clock === clock)!;

const zone = process.env.SIGAP_TEST_TZ;
if (zone) {
  it(`runs under TZ=${zone}`, () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  });
}

describe('the emergency minutes', () => {
  const tree = clockRulesFor(category('pohon-tumbang'), 'darurat', categoriesFile.atRiskShare);
  const t0 = wib('2026-12-07 10:00');

  it.each([
    // [minutes after the call ended with no dispatch yet, state]
    [1, 'running'],
    [1.49, 'running'],
    [1.5, 'at_risk'],
    [2, 'at_risk'],
    [2.01, 'breached'],
  ])('dispatch clock %f min after the call: %s', (minutes, state) => {
    const r = byName(caseClocks(facts(), tree, calendar, t0 + minutes * MIN), 'dispatch');
    expect(r.state).toBe(state);
    expect(r.dueAt).toBe(t0 + 2 * MIN);
  });

  it('a dispatch at the hub within 2 minutes meets it; a late one stays a breach', () => {
    const onTime = facts({ dispatches: [dispatch({ dispatchedAt: t0 + 110_000 })] });
    const late = facts({ dispatches: [dispatch({ dispatchedAt: t0 + 130_000 })] });
    const later = t0 + 60 * MIN;
    expect(byName(caseClocks(onTime, tree, calendar, later), 'dispatch')).toMatchObject({
      state: 'met',
      stoppedAt: t0 + 110_000,
    });
    expect(byName(caseClocks(late, tree, calendar, later), 'dispatch').state).toBe('breached');
  });

  it('accept within 5 minutes and resolve within the category target (fallen tree: 20)', () => {
    const d = dispatch({ dispatchedAt: t0 + MIN, acceptedAt: t0 + 4 * MIN });
    const at = (m: number) => dispatchClocks(d, tree, calendar, t0 + m * MIN);
    expect(at(10).map((r) => [r.clock, r.state])).toEqual([
      ['accept', 'met'],
      ['resolve', 'running'],
    ]);
    expect(byName(at(16), 'resolve')).toMatchObject({ state: 'at_risk', share: 0.75 });
    expect(byName(at(21.5), 'resolve').state).toBe('breached');
    const resolved = dispatchClocks(
      { ...d, resolvedAt: t0 + 20 * MIN },
      tree,
      calendar,
      t0 + 99 * MIN,
    );
    expect(byName(resolved, 'resolve').state).toBe('met');
  });

  it('a street light runs the emergency minutes with its 10-minute target, and the LAPOR! days', () => {
    const rules = clockRulesFor(category('lampu-jalan'), 'non_darurat');
    expect(rules.emergency).toEqual({ dispatchMin: 2, acceptMin: 5, resolveMin: 10 });
    expect(rules.lapor).not.toBeNull();
  });

  it('a dispatch still in the outbox has not started its OPD clocks', () => {
    const readings = dispatchClocks(dispatch(), tree, calendar, t0 + 30 * MIN);
    expect(readings.map((r) => r.state)).toEqual(['pending', 'pending']);
  });

  it('a returned dispatch stops its clocks: not applicable before due, a breach after', () => {
    const early = dispatch({ dispatchedAt: t0, endedAt: t0 + 3 * MIN });
    const late = dispatch({ dispatchedAt: t0, endedAt: t0 + 6 * MIN });
    expect(byName(dispatchClocks(early, tree, calendar, t0 + 60 * MIN), 'accept').state).toBe(
      'not_applicable',
    );
    expect(byName(dispatchClocks(late, tree, calendar, t0 + 60 * MIN), 'accept').state).toBe(
      'breached',
    );
  });
});

describe('a darurat case', () => {
  it('never runs the SP4N-LAPOR! working-day clock, even in a complaint category', () => {
    const rules = clockRulesFor(category('jalan-rusak'), 'darurat');
    const readings = caseClocks(facts(), rules, calendar, wib('2026-12-20 10:00'));
    for (const c of ['lapor_forward', 'lapor_follow_up', 'lapor_close'] as const) {
      expect(byName(readings, c)).toMatchObject({ state: 'not_applicable', dueAt: null });
    }
    // It runs the emergency minutes instead, with the default 2 and 5 minutes.
    expect(rules.emergency).toEqual({ dispatchMin: 2, acceptMin: 5 });
    expect(byName(readings, 'dispatch').state).toBe('breached');
  });
});

describe('the city 24 hours and the SP4N-LAPOR! working days', () => {
  const rules = clockRulesFor(category('jalan-rusak'), 'non_darurat');
  const complaint = (over: Partial<CaseFacts> = {}) =>
    facts({ urgency: 'non_darurat', reportedAt: wib('2026-12-04 23:59'), ...over });

  it('a case created at 23:59 WIB on a Friday: 24 hours to the minute, 3 working days to Wednesday', () => {
    const readings = caseClocks(complaint(), rules, calendar, wib('2026-12-05 12:00'));
    expect(byName(readings, 'dispatch').state).toBe('not_applicable');
    const followUp = byName(readings, 'follow_up');
    expect(formatWib(followUp.dueAt!)).toBe('05/12/2026 23.59.00 WIB');
    expect(followUp.state).toBe('running');
    const forward = byName(readings, 'lapor_forward');
    expect(formatWib(forward.dueAt!)).toBe('09/12/2026 23.59.59 WIB');
    // Saturday: no working time has passed yet.
    expect(forward).toMatchObject({ state: 'running', share: 0 });
    expect(byName(readings, 'lapor_follow_up').state).toBe('pending');
    expect(byName(readings, 'lapor_close').state).toBe('pending');
  });

  it('working-day share moves on working days only, and is at risk from 75%', () => {
    const at = (t: string) =>
      byName(caseClocks(complaint(), rules, calendar, wib(t)), 'lapor_forward');
    expect(at('2026-12-07 12:00')).toMatchObject({ state: 'running', share: 0.5 / 3 });
    expect(at('2026-12-09 06:00')).toMatchObject({ state: 'at_risk', share: 2.25 / 3 });
    expect(at('2026-12-10 00:00').state).toBe('breached');
  });

  it('forwarded, accepted, resolved and closed: each clock stopped at its own event', () => {
    const dispatched = wib('2026-12-08 09:00');
    const done = complaint({
      dispatches: [
        dispatch({
          dispatchedAt: dispatched,
          acceptedAt: wib('2026-12-08 15:00'),
          resolvedAt: wib('2026-12-10 10:00'),
        }),
      ],
      resolvedAt: wib('2026-12-10 10:00'),
      closedAt: wib('2026-12-22 10:00'),
    });
    const readings = caseClocks(done, rules, calendar, wib('2026-12-30 10:00'));
    expect(readings.map((r) => [r.clock, r.state])).toEqual([
      ['dispatch', 'not_applicable'],
      // Accepted on Tuesday afternoon: within 3 working days, but not within 24 hours.
      ['follow_up', 'breached'],
      ['lapor_forward', 'met'],
      ['lapor_follow_up', 'met'],
      ['lapor_close', 'met'],
      // The OPD itself accepted 6 hours after the dispatch reached it.
      ['accept', 'met'],
    ]);
    expect(byName(readings, 'accept')).toMatchObject({
      family: 'city',
      target: { amount: 24, unit: 'hours' },
    });
    // 10 working days after 10 December, skipping the Christmas cuti bersama and holiday.
    expect(formatWib(byName(readings, 'lapor_close').dueAt!)).toBe('28/12/2026 23.59.59 WIB');
  });

  it('a cancelled case stops every running clock', () => {
    const cancelled = complaint({ cancelledAt: wib('2026-12-05 09:00') });
    const readings = caseClocks(cancelled, rules, calendar, wib('2026-12-20 10:00'));
    expect(worstState(readings)).toBe('not_applicable');
  });

  it('a clock that reaches a year without a calendar says which year, and has no due time', () => {
    const late = complaint({ reportedAt: wib('2027-12-29 10:00') });
    const readings = caseClocks(late, rules, calendar, wib('2027-12-29 16:00'));
    expect(byName(readings, 'lapor_forward')).toMatchObject({
      dueAt: null,
      share: null,
      problem: { code: 'calendar.year_missing', year: 2028 },
    });
    expect(missingCalendarYears(readings)).toEqual([2028]);
    // The minute and hour clocks need no calendar and keep running.
    expect(byName(readings, 'follow_up').state).toBe('running');
  });
});

describe('a year whose decree is not fully entered', () => {
  it('still gives a due time, with a warning that names the year', () => {
    const rules = clockRulesFor(category('jalan-rusak'), 'non_darurat');
    const late = facts({ urgency: 'non_darurat', reportedAt: wib('2026-12-30 10:00') });
    const readings = caseClocks(late, rules, calendar, wib('2026-12-30 12:00'));
    const forward = byName(readings, 'lapor_forward');
    expect(formatWib(forward.dueAt!)).toBe('05/01/2027 23.59.59 WIB');
    expect(forward.problem).toMatchObject({ code: 'calendar.year_incomplete', year: 2027 });
    expect(incompleteCalendarYears(readings)).toEqual([2027]);
    expect(missingCalendarYears(readings)).toEqual([]);
  });
});

describe("the hub's time", () => {
  const tree = clockRulesFor(category('pohon-tumbang'), 'darurat');

  it('a desk clock 3 minutes behind the hub still sees a late dispatch as breached', () => {
    // The hub stamped the dispatch at 10:00 on its clock; the desk's clock says 9:57 then.
    const hubStamp = wib('2026-12-07 10:00');
    const deskBehind = -3 * MIN;
    // hello: the desk asked at desk time t, the answer (hub time) came 200 ms later.
    const asked = wib('2026-12-07 09:00') + deskBehind;
    const offset = hubClockOffset({
      hubTime: wib('2026-12-07 09:00') + 100,
      sentAt: asked,
      receivedAt: asked + 200,
    });
    expect(offset).toBe(3 * MIN);
    // 6 minutes later on the hub (10:06): the desk's own clock says 10:03.
    const deskNow = hubStamp + 6 * MIN + deskBehind;
    const d = dispatch({ dispatchedAt: hubStamp });
    expect(byName(dispatchClocks(d, tree, calendar, deskNow), 'accept').state).toBe('running');
    expect(byName(dispatchClocks(d, tree, calendar, hubNow(deskNow, offset)), 'accept').state).toBe(
      'breached',
    );
  });

  it('a desk clock 3 minutes ahead does not raise a breach early', () => {
    const hubStamp = wib('2026-12-07 10:00');
    const deskNow = hubStamp + 4 * MIN + 3 * MIN; // 10:04 on the hub
    const d = dispatch({ dispatchedAt: hubStamp });
    expect(byName(dispatchClocks(d, tree, calendar, deskNow), 'accept').state).toBe('breached');
    expect(
      byName(dispatchClocks(d, tree, calendar, hubNow(deskNow, -3 * MIN)), 'accept').state,
    ).toBe('at_risk');
  });

  it('without a measured offset the desk uses its own clock', () => {
    expect(hubNow(1_000, null)).toBe(1_000);
  });
});

describe('worstState', () => {
  it.each([
    [['met', 'running', 'at_risk'], 'at_risk'],
    [['met', 'breached', 'pending'], 'breached'],
    [['not_applicable', 'met'], 'met'],
    [[], 'not_applicable'],
  ] as const)('%j → %s', (states, worst) => {
    expect(worstState(states)).toBe(worst);
  });
});

describe('the categories file', () => {
  it('every category lists its clocks; darurat ones list no working days; the at-risk share is data', () => {
    expect(categoriesFile.atRiskShare).toBe(0.75);
    for (const c of categoriesFile.categories) {
      expect(c.clocks, c.id).toBeDefined();
      if (c.urgency === 'darurat') expect(c.clocks?.lapor, c.id).toBeUndefined();
    }
  });

  it('refuses a clock target that is not a positive whole number of minutes', () => {
    const bad = { ...category('kebakaran'), clocks: { emergency: { dispatchMin: 0 } } };
    expect(CategoriesFile.safeParse({ categories: [bad] }).success).toBe(false);
  });
});
