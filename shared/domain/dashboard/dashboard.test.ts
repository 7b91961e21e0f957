import { describe, expect, it } from 'vitest';
import {
  buildDashboard,
  createFacts,
  recordCall,
  recordCase,
  recordDispatch,
  rollDay,
  type DashboardFacts,
  type Presence,
  type RosterOpd,
} from './index';

const MIN = 60_000;
/** 3 December 2026, 10.00 WIB (03.00 UTC). */
const TEN_WIB = Date.UTC(2026, 11, 3, 3, 0);
const roster: RosterOpd[] = [
  {
    id: 'dlh',
    short: 'DLH',
    phone: '(0351) 462 003',
    usesInbox: true,
    inboxHours: { from: '07:00', to: '16:00' },
  },
  { id: 'dishub', short: 'Dishub', usesInbox: true, inboxHours: { from: '22:00', to: '06:00' } },
  { id: 'pln', short: 'PLN', phone: '(0351) 462 123', usesInbox: false },
];
const nobody: Presence = { desks: [], watchers: new Map() };
const build = (f: DashboardFacts, now: number, presence = nobody, min = 5) =>
  buildDashboard(f, presence, roster, now, { partial: false, minCountForMedian: min });
const opd = (d: ReturnType<typeof build>, id: string) => d.opds.find((o) => o.opdId === id)!;

let n = 0;
function dispatch(
  f: DashboardFacts,
  opdId: string,
  at: number,
  urgency: 'darurat' | 'non_darurat' = 'darurat',
) {
  const id = `d${++n}`;
  const base = { dispatchId: id, caseId: `c${n}`, opdId, urgency, resolveTargetMin: 20 };
  recordDispatch(f, { ...base, status: 'queued', at });
  return (status: 'accepted' | 'resolved' | 'returned', later: number) =>
    recordDispatch(f, { ...base, status, at: later });
}

describe('dashboard medians', () => {
  it('shows and ranks a median only from the minimum count', () => {
    const f = createFacts(TEN_WIB);
    for (let i = 0; i < 4; i++) dispatch(f, 'dlh', TEN_WIB)('accepted', TEN_WIB + (i + 1) * MIN);
    let d = build(f, TEN_WIB + 10 * MIN);
    expect(opd(d, 'dlh').medianAcceptMs).toBeNull();
    expect(opd(d, 'dlh').acceptCount).toBe(4);
    expect(d.rankAccept).toEqual([]);

    dispatch(f, 'dlh', TEN_WIB)('accepted', TEN_WIB + 9 * MIN);
    d = build(f, TEN_WIB + 10 * MIN);
    // 1, 2, 3, 4, 9 minutes: the median is 3, not the mean.
    expect(opd(d, 'dlh').medianAcceptMs).toBe(3 * MIN);
    expect(d.rankAccept).toEqual([{ opdId: 'dlh', short: 'DLH', medianMs: 3 * MIN, count: 5 }]);
  });

  it('ranks the faster OPD first, with an even count taking the middle two', () => {
    const f = createFacts(TEN_WIB);
    for (const m of [2, 4, 6, 8]) dispatch(f, 'dlh', TEN_WIB)('resolved', TEN_WIB + m * MIN);
    for (const m of [1, 1, 1, 1]) dispatch(f, 'dishub', TEN_WIB)('resolved', TEN_WIB + m * MIN);
    const d = build(f, TEN_WIB + 10 * MIN, nobody, 4);
    expect(d.rankResolve.map((r) => [r.opdId, r.medianMs])).toEqual([
      ['dishub', MIN],
      ['dlh', 5 * MIN],
    ]);
    expect(opd(d, 'dlh').open).toBe(0);
  });
});

describe('dashboard hours in WIB', () => {
  it('counts a call by its WIB hour and day, whatever UTC says', () => {
    // 23.59 WIB on 3 December is 16.59 UTC; 00.30 WIB on 4 December is 17.30 UTC.
    const late = Date.UTC(2026, 11, 3, 16, 59);
    const f = createFacts(late);
    recordCall(f, { callId: 'a', at: late, disposition: 'prank', deskId: 'desk-1' });
    recordCase(f, { caseId: 'k', at: late, categoryId: 'pohon-tumbang', deskId: 'desk-1' });
    const d = build(f, late);
    expect(d.callsByHour[23]).toEqual({ prank: 1, case: 1 });
    expect(d.casesByHour[23]).toEqual({ 'pohon-tumbang': 1 });

    const next = Date.UTC(2026, 11, 3, 17, 30);
    rollDay(f, next);
    recordCall(f, { callId: 'b', at: next, disposition: 'silent', deskId: 'desk-1' });
    const d2 = build(f, next);
    expect(d2.callsByHour[0]).toEqual({ silent: 1 });
    expect(d2.callsByHour[23]).toEqual({});
  });

  it('counts a call sent again (its callback) once', () => {
    const f = createFacts(TEN_WIB);
    recordCall(f, { callId: 'a', at: TEN_WIB, disposition: 'silent', deskId: 'desk-1' });
    recordCall(f, { callId: 'a', at: TEN_WIB, disposition: 'silent', deskId: 'desk-1' });
    const d = build(f, TEN_WIB, { desks: [], watchers: new Map() });
    expect(d.callsByHour[10]).toEqual({ silent: 1 });
    expect(d.desks).toEqual([
      { deskId: 'desk-1', online: false, people: [], callsThisShift: 1, onCall: false },
    ]);
  });

  it('starts a desk counting again when a new shift begins (15.00 WIB)', () => {
    const f = createFacts(TEN_WIB);
    recordCall(f, { callId: 'a', at: TEN_WIB, disposition: 'info', deskId: 'desk-1' });
    const three = Date.UTC(2026, 11, 3, 8, 0);
    expect(build(f, three - 1).desks[0]?.callsThisShift).toBe(1);
    expect(build(f, three).desks[0]?.callsThisShift).toBe(0);
  });
});

describe('unwatched OPDs', () => {
  const watchers = (id: string, count: number): Presence => ({
    desks: [],
    watchers: new Map([[id, count]]),
  });

  it('is an alarm within inbox hours with open dispatches and nobody watching', () => {
    const f = createFacts(TEN_WIB);
    dispatch(f, 'dlh', TEN_WIB);
    expect(opd(build(f, TEN_WIB), 'dlh').watch).toBe('unwatched');
    expect(opd(build(f, TEN_WIB, watchers('dlh', 1)), 'dlh').watch).toBe('watched');
  });

  it('says to phone outside inbox hours, and for an OPD without the inbox', () => {
    // 17.00 WIB: DLH's inbox hours (07.00–16.00) are over.
    const evening = Date.UTC(2026, 11, 3, 10, 0);
    const f = createFacts(evening);
    dispatch(f, 'dlh', evening);
    dispatch(f, 'pln', evening);
    const d = build(f, evening);
    expect(opd(d, 'dlh').watch).toBe('phone');
    expect(opd(d, 'pln').watch).toBe('phone');
    expect(opd(d, 'dlh').dutyPhone).toBe('(0351) 462 003');
  });

  it('keeps hours that cross midnight, and no alarm without open dispatches', () => {
    const f = createFacts(TEN_WIB);
    expect(opd(build(f, TEN_WIB), 'dishub').watch).toBe('idle');
    dispatch(f, 'dishub', TEN_WIB);
    expect(opd(build(f, TEN_WIB), 'dishub').watch).toBe('phone'); // 10.00, hours 22.00–06.00
    const night = Date.UTC(2026, 11, 3, 20, 0); // 03.00 WIB
    expect(opd(build(f, night), 'dishub').watch).toBe('unwatched');
  });
});

describe('at risk and breached', () => {
  it('counts an emergency dispatch against its 5-minute accept target', () => {
    const f = createFacts(TEN_WIB);
    dispatch(f, 'dlh', TEN_WIB);
    dispatch(f, 'dlh', TEN_WIB, 'non_darurat');
    expect(opd(build(f, TEN_WIB + 3 * MIN), 'dlh')).toMatchObject({ atRisk: 0, breached: 0 });
    expect(opd(build(f, TEN_WIB + 4 * MIN), 'dlh')).toMatchObject({ atRisk: 1, breached: 0 });
    expect(opd(build(f, TEN_WIB + 6 * MIN), 'dlh')).toMatchObject({
      atRisk: 0,
      breached: 1,
      open: 2,
      oldestAt: TEN_WIB,
    });
  });

  it('counts an accepted dispatch against its category resolve target', () => {
    const f = createFacts(TEN_WIB);
    dispatch(f, 'dlh', TEN_WIB)('accepted', TEN_WIB + MIN);
    expect(opd(build(f, TEN_WIB + 10 * MIN), 'dlh')).toMatchObject({ atRisk: 0, breached: 0 });
    expect(opd(build(f, TEN_WIB + 21 * MIN), 'dlh')).toMatchObject({ breached: 1 });
    expect(opd(build(f, TEN_WIB + 21 * MIN), 'dlh').lastAction).toEqual({
      at: TEN_WIB + MIN,
      status: 'accepted',
    });
  });
});
