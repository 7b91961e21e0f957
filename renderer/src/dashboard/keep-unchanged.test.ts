import { describe, expect, it } from 'vitest';
import {
  buildDashboard,
  createFacts,
  recordCall,
  recordCase,
  recordDispatch,
  type RosterOpd,
} from '../../../shared/domain/dashboard';
import { keepUnchanged } from './keep-unchanged';

/** 3 December 2026, 10.00 WIB. */
const TEN_WIB = Date.UTC(2026, 11, 3, 3, 0);
const roster: RosterOpd[] = [
  { id: 'dlh', short: 'DLH', usesInbox: true, inboxHours: { from: '07:00', to: '16:00' } },
  { id: 'pln', short: 'PLN', usesInbox: false },
];
const facts = createFacts(TEN_WIB);
const build = (now: number) =>
  buildDashboard(
    facts,
    { desks: [{ deskId: 'desk-1', online: true, people: ['Rina'], onCall: false }] },
    roster,
    now,
    { partial: false, minCountForMedian: 1 },
  );

describe('keepUnchanged: a dashboard push keeps what the screen already shows', () => {
  recordCase(facts, { caseId: 'c1', at: TEN_WIB - 60_000, categoryId: 'sampah', deskId: 'desk-1' });
  recordDispatch(facts, {
    dispatchId: 'd1',
    caseId: 'c1',
    opdId: 'dlh',
    status: 'queued',
    at: TEN_WIB - 50_000,
    urgency: 'non_darurat',
    resolveTargetMin: null,
  });
  const shown = build(TEN_WIB);

  it('a push with only a new call keeps the OPDs, the rankings and the cases by hour', () => {
    recordCall(facts, { callId: 'k1', at: TEN_WIB + 1000, disposition: 'prank', deskId: 'desk-1' });
    const next = keepUnchanged(shown, build(TEN_WIB + 2000));
    expect(next).not.toBe(shown);
    expect(next.at).toBe(TEN_WIB + 2000);
    expect(next.opds).toBe(shown.opds);
    expect(next.rankAccept).toBe(shown.rankAccept);
    expect(next.casesByHour).toBe(shown.casesByHour);
    // The calls changed: the hour with the call is new, the other 23 are kept.
    expect(next.callsByHour).not.toBe(shown.callsByHour);
    expect(next.callsByHour[10]).toEqual({ prank: 1 });
    expect(next.callsByHour.filter((h, i) => h === shown.callsByHour[i])).toHaveLength(23);
    expect(next.desks).not.toBe(shown.desks);
    expect(next.desks[0]!.callsThisShift).toBe(2);
  });

  it('a changed OPD row is new, the others stay; equal figures are the same object', () => {
    recordDispatch(facts, {
      dispatchId: 'd1',
      caseId: 'c1',
      opdId: 'dlh',
      status: 'accepted',
      at: TEN_WIB + 3000,
      urgency: 'non_darurat',
      resolveTargetMin: null,
    });
    const before = build(TEN_WIB + 3000);
    const next = keepUnchanged(shown, before);
    expect(next.opds).not.toBe(shown.opds);
    expect(next.opds[0]).not.toBe(shown.opds[0]);
    expect(next.opds[0]!.acceptCount).toBe(1);
    expect(next.opds[1]).toBe(shown.opds[1]);
    expect(keepUnchanged(before, build(TEN_WIB + 3000))).toBe(before);
    expect(keepUnchanged(undefined, before)).toBe(before);
  });

  it('a figure that went away or came back is taken from the push', () => {
    const withEmitted = { ...shown, emittedAt: 5 };
    const without = keepUnchanged(withEmitted, { ...shown });
    expect('emittedAt' in without).toBe(false);
    expect(keepUnchanged(shown, withEmitted).emittedAt).toBe(5);
    expect(keepUnchanged({ list: [1, 2] }, { list: [1] }).list).toEqual([1]);
    expect(keepUnchanged<unknown>({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
  });
});
