/**
 * The calendar alarm's acknowledgement at the hub, through the center's record on a real
 * store: one per year, the first supervisor's stands, a repeat of the same message changes
 * nothing, an operator is refused with nothing changed, and each applied one is in the
 * center audit log with who, from which desk and which year.
 */
import { v7 as uuidv7 } from 'uuid';
import { beforeEach, describe, expect, it } from 'vitest';
import { CalendarAck } from '../shared/hub/messages';
import { actorOf, desk1, desk2, T0, useCenterRecord } from '../tests/support/center-record';
import { firstSupervisor, passwordHash, person, type Person } from '../tests/support/people';

const h = useCenterRecord();

let boss: Person;
let operator: Person;
beforeEach(async () => {
  const hash = await passwordHash();
  boss = firstSupervisor(h.record, hash);
  operator = person(h.record, boss, 'operator', 'andi', hash);
});
const audited = () => h.record.audit.list({ action: 'calendar.ack', limit: 10 }).reverse();

const ackOf = (year: number, who: 'supervisor' | 'operator', by = desk2) => ({
  ackId: uuidv7(),
  year,
  problem: 'incomplete' as const,
  personToken: (who === 'supervisor' ? boss : operator).token,
  actor: { ...actorOf(by), person: who === 'supervisor' ? 'Bu Sri' : 'Andi' },
});

describe("acknowledging a year's calendar alarm", () => {
  it('tells every desk who and when; a repeat and a second supervisor change nothing', () => {
    const msg = ackOf(2027, 'supervisor');
    const first = h.record.ackCalendar(desk2, msg);
    expect(first.ack).toMatchObject({ ok: true });
    expect(first.events).toEqual([
      expect.objectContaining({
        type: 'calendar.acked',
        year: 2027,
        problem: 'incomplete',
        at: T0,
        actor: expect.objectContaining({ person: 'Bu Sri' }),
      }),
    ]);
    const before = h.allEvents().length;
    expect(h.record.ackCalendar(desk2, msg)).toEqual({ ack: first.ack, events: [] });
    expect(h.record.ackCalendar(desk1, ackOf(2027, 'supervisor', desk1))).toEqual({
      ack: first.ack,
      events: [],
    });
    expect(h.allEvents()).toHaveLength(before);
    expect(audited()).toEqual([
      expect.objectContaining({
        personId: boss.account.id,
        desk: 'desk-2',
        details: { year: 2027, problem: 'incomplete', seq: first.events[0]!.seq },
      }),
    ]);
    // Another year is its own alarm.
    expect(h.record.ackCalendar(desk2, ackOf(2028, 'supervisor')).events).toHaveLength(1);
  });

  it("refuses an operator's acknowledgement, changing nothing", () => {
    const before = h.allEvents();
    expect(h.record.ackCalendar(desk1, ackOf(2027, 'operator', desk1)).ack).toEqual({
      ok: false,
      error: { code: 'auth.not_supervisor', message: expect.any(String) },
    });
    expect(h.allEvents()).toEqual(before);
    expect(audited()).toEqual([]);
  });

  it.each([
    ['a year before any calendar', { year: 1999 }],
    ['a year as text', { year: '2027' }],
    ['a fractional year', { year: 2027.5 }],
    ['an unknown problem', { problem: 'late' }],
    ['no ack id', { ackId: undefined }],
    ['an extra field', { dispatchId: uuidv7() }],
    ['markup as the actor', { actor: { id: '<b>', role: 'desk', person: 'x' } }],
  ])('the message schema refuses %s', (_what, change) => {
    const msg = { ...ackOf(2027, 'supervisor'), ...change };
    expect(CalendarAck.safeParse(msg).success).toBe(false);
  });
});
