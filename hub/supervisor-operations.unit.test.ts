/**
 * Supervisors' operations at the hub, through the center's record on a real store: an
 * alarm acknowledged once (the first supervisor's stands), an escalation to the OPD, a
 * re-route in one step, a case handed to another desk. Each is applied once per message id,
 * refused for an operator's person token with `auth.not_supervisor`, changing nothing, and
 * each one applied goes into the center audit log with who, from which desk and what.
 */
import { v7 as uuidv7 } from 'uuid';
import { beforeEach, describe, expect, it } from 'vitest';
import { actorOf, desk1, desk2, dlh, T0, useCenterRecord } from '../tests/support/center-record';
import { firstSupervisor, passwordHash, person, type Person } from '../tests/support/people';

const h = useCenterRecord();
const MIN = 60_000;

let boss: Person;
let operator: Person;
beforeEach(async () => {
  const hash = await passwordHash();
  boss = firstSupervisor(h.record, hash);
  operator = person(h.record, boss, 'operator', 'andi', hash);
});
type Sender = 'supervisor' | 'operator';
const tokenOf = (who: Sender) => (who === 'supervisor' ? boss : operator).token;
/** The audit entries of one action, oldest first. */
const audited = (action: string) => h.record.audit.list({ action, limit: 10 }).reverse();

/** A case from desk 1 dispatched to DLH, as an emergency left waiting. */
function stuckDispatch() {
  const caseId = h.openCase();
  const out = h.dispatchTo(caseId, 'dlh');
  return { caseId, dispatchId: out.events[0]!.dispatchId! };
}

const ackOf = (dispatchId: string, sender: Sender, by = desk2) => ({
  ackId: uuidv7(),
  dispatchId,
  level: 'breached' as const,
  arming: 0,
  personToken: tokenOf(sender),
  actor: { ...actorOf(by), person: sender === 'supervisor' ? 'Bu Sri' : 'Andi' },
});

describe('acknowledging an alarm', () => {
  it('tells every desk who acknowledged it and when; a repeat changes nothing', () => {
    const { caseId, dispatchId } = stuckDispatch();
    h.clock = T0 + 6 * MIN;
    const msg = ackOf(dispatchId, 'supervisor');
    const first = h.record.ackAlarm(desk2, msg);
    expect(first.ack).toMatchObject({ ok: true });
    expect(first.events).toEqual([
      expect.objectContaining({
        type: 'alarm.acked',
        caseId,
        dispatchId,
        level: 'breached',
        arming: 0,
        at: T0 + 6 * MIN,
        actor: expect.objectContaining({ person: 'Bu Sri' }),
      }),
    ]);
    const before = h.allEvents().length;
    expect(h.record.ackAlarm(desk2, msg)).toEqual({ ack: first.ack, events: [] });
    expect(h.allEvents()).toHaveLength(before);
    expect(audited('alarm.ack')).toEqual([
      expect.objectContaining({
        at: T0 + 6 * MIN,
        personId: boss.account.id,
        person: 'Kepala Regu',
        desk: 'desk-2',
        details: { caseId, dispatchId, level: 'breached', arming: 0 },
      }),
    ]);
  });

  it("keeps the first supervisor's acknowledgement when a second one acknowledges too", () => {
    const { dispatchId } = stuckDispatch();
    const first = h.record.ackAlarm(desk2, ackOf(dispatchId, 'supervisor'));
    const second = h.record.ackAlarm(desk1, ackOf(dispatchId, 'supervisor', desk1));
    expect(second).toEqual({ ack: first.ack, events: [] });
    expect(h.allEvents().filter((e) => e.type === 'alarm.acked')).toHaveLength(1);
  });

  it("refuses an operator's acknowledgement and an unknown dispatch, changing nothing", () => {
    const { dispatchId } = stuckDispatch();
    const before = h.allEvents();
    expect(h.record.ackAlarm(desk1, ackOf(dispatchId, 'operator', desk1)).ack).toEqual({
      ok: false,
      error: { code: 'auth.not_supervisor', message: expect.any(String) },
    });
    expect(h.record.ackAlarm(desk2, ackOf(uuidv7(), 'supervisor')).ack).toMatchObject({
      ok: false,
      error: { code: 'dispatch.unknown' },
    });
    expect(h.allEvents()).toEqual(before);
    expect(audited('alarm.ack')).toEqual([]);
  });
});

describe('escalating a dispatch', () => {
  const escalation = (dispatchId: string, sender: Sender) => ({
    escalateId: uuidv7(),
    dispatchId,
    note: 'Mohon segera, jalan tertutup total',
    personToken: tokenOf(sender),
    actor: actorOf(desk2),
  });

  it("puts the note in the OPD's inbox and re-arms the alarm on every desk, once", () => {
    const { caseId, dispatchId } = stuckDispatch();
    h.clock = T0 + 7 * MIN;
    const msg = escalation(dispatchId, 'supervisor');
    const out = h.record.escalate(desk2, msg);
    expect(out.events).toEqual([
      expect.objectContaining({
        type: 'dispatch.escalated',
        caseId,
        dispatchId,
        opdId: 'dlh',
        note: 'Mohon segera, jalan tertutup total',
        at: T0 + 7 * MIN,
      }),
    ]);
    expect(h.record.inbox('dlh')[0]?.escalation).toEqual({
      note: 'Mohon segera, jalan tertutup total',
      at: T0 + 7 * MIN,
    });
    expect(h.record.escalate(desk2, msg)).toEqual({ ack: out.ack, events: [] });
    expect(audited('case.escalate')).toEqual([
      expect.objectContaining({
        person: 'Kepala Regu',
        desk: 'desk-2',
        details: { caseId, dispatchId, opdId: 'dlh', note: 'Mohon segera, jalan tertutup total' },
      }),
    ]);
  });

  it("refuses an operator's escalation and one of a resolved dispatch", () => {
    const { dispatchId } = stuckDispatch();
    expect(h.record.escalate(desk1, escalation(dispatchId, 'operator')).ack).toMatchObject({
      error: { code: 'auth.not_supervisor' },
    });
    h.move(dlh, dispatchId, 'accepted');
    h.move(dlh, dispatchId, 'resolved', 'selesai');
    const before = h.allEvents();
    expect(h.record.escalate(desk2, escalation(dispatchId, 'supervisor')).ack).toMatchObject({
      error: { code: 'dispatch.not_stuck' },
    });
    expect(h.allEvents()).toEqual(before);
    expect(h.record.inbox('dlh')).toEqual([]);
    expect(audited('case.escalate')).toEqual([]);
  });
});

describe('re-routing a case', () => {
  const reroute = (dispatchId: string, opdId: string, sender: Sender = 'supervisor') => ({
    rerouteId: uuidv7(),
    dispatchId,
    newDispatchId: uuidv7(),
    opdId,
    reason: 'Bukan DLH, ini lampu jalan',
    personToken: tokenOf(sender),
    actor: actorOf(desk2),
  });

  it('withdraws the stuck dispatch and dispatches to the new OPD in one step', () => {
    const { caseId, dispatchId } = stuckDispatch();
    const msg = reroute(dispatchId, 'dishub');
    const out = h.record.reroute(desk2, msg);
    expect(out.events).toEqual([
      expect.objectContaining({ type: 'dispatch.status', dispatchId, status: 'withdrawn' }),
      expect.objectContaining({
        type: 'dispatch.status',
        caseId,
        dispatchId: msg.newDispatchId,
        opdId: 'dishub',
        status: 'queued',
      }),
    ]);
    expect(out.delivery).toMatchObject({ dispatchId: msg.newDispatchId, caseId });
    expect(h.record.inbox('dlh')).toEqual([]);
    expect(h.record.inbox('dishub').map((d) => d.dispatchId)).toEqual([msg.newDispatchId]);
    // A repeat answers the same and dispatches nothing more.
    expect(h.record.reroute(desk2, msg)).toEqual({ ack: out.ack, events: [] });
    expect(h.record.inbox('dishub')).toHaveLength(1);
    expect(audited('case.reroute')).toEqual([
      expect.objectContaining({
        person: 'Kepala Regu',
        desk: 'desk-2',
        details: {
          caseId,
          dispatchId,
          newDispatchId: msg.newDispatchId,
          fromOpd: 'dlh',
          toOpd: 'dishub',
          reason: 'Bukan DLH, ini lampu jalan',
        },
      }),
    ]);
  });

  it('re-routes a returned dispatch without withdrawing it again', () => {
    const { dispatchId } = stuckDispatch();
    h.move(dlh, dispatchId, 'returned', 'bukan wewenang');
    const out = h.record.reroute(desk2, reroute(dispatchId, 'dishub'));
    expect(out.events.map((e) => e.type === 'dispatch.status' && e.status)).toEqual(['queued']);
  });

  it('refuses an operator, an accepted dispatch, the same OPD and an unknown OPD, changing nothing', () => {
    const { dispatchId } = stuckDispatch();
    const before = h.allEvents();
    const code = (msg: ReturnType<typeof reroute>) => {
      const { ack } = h.record.reroute(desk2, msg);
      return ack.ok ? 'ok' : ack.error.code;
    };
    expect(code(reroute(dispatchId, 'dishub', 'operator'))).toBe('auth.not_supervisor');
    expect(code(reroute(dispatchId, 'dlh'))).toBe('dispatch.same_opd');
    expect(code(reroute(dispatchId, 'pln'))).toBe('opd.unknown');
    h.move(dlh, dispatchId, 'accepted');
    const accepted = h.allEvents();
    expect(code(reroute(dispatchId, 'dishub'))).toBe('dispatch.not_stuck');
    expect(h.allEvents()).toEqual(accepted);
    expect(accepted.slice(0, before.length)).toEqual(before);
    expect(h.record.inbox('dishub')).toEqual([]);
    expect(audited('case.reroute')).toEqual([]);
  });
});

describe('handing a case to another desk', () => {
  it('makes that desk the holder on every desk; refuses an operator', () => {
    const caseId = h.openCase(desk1);
    const msg = {
      assignId: uuidv7(),
      caseId,
      toDesk: 'desk-2',
      personToken: operator.token,
      actor: actorOf(desk1),
    };
    expect(h.record.assign(desk1, msg).ack).toMatchObject({
      error: { code: 'auth.not_supervisor' },
    });
    expect(audited('case.assign')).toEqual([]);
    const out = h.record.assign(desk1, { ...msg, personToken: boss.token });
    expect(out.events).toEqual([
      expect.objectContaining({ type: 'case.claimed', caseId, holder: 'desk-2' }),
    ]);
    // Desk 2 now edits it.
    expect(h.upsert(desk2, caseId, { description: 'Pohon sudah dipotong' }, 2).ack).toMatchObject({
      ok: true,
    });
    expect(audited('case.assign')).toEqual([
      expect.objectContaining({
        person: 'Kepala Regu',
        desk: 'desk-1',
        details: { caseId, fromDesk: 'desk-1', toDesk: 'desk-2' },
      }),
    ]);
  });
});
