/**
 * The hub's dispatch operations, through the center's record on a real store: what an OPD
 * is handed and sees, which dispatches it may move and how, and withdrawals.
 */
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CaseFields } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import {
  T0,
  desk1,
  desk2,
  dlh,
  dishub,
  actorOf,
  FIELDS,
  useCenterRecord,
} from '../tests/support/center-record';

const h = useCenterRecord();
const { upsert, openCase, dispatchTo, move, allEvents } = h;

describe('dispatches', () => {
  it("queues a dispatch and hands its OPD the case without an anonymous caller's identity", () => {
    const caseId = openCase();
    h.clock = T0 + 5000;
    const out = dispatchTo(caseId, 'dlh');
    expect(out.ack).toEqual({ ok: true, hubSeq: 2, queuedAt: T0 + 5000 });
    expect(out.events).toEqual([
      expect.objectContaining({ type: 'dispatch.status', caseId, opdId: 'dlh', status: 'queued' }),
    ]);
    const seen: CaseFields = { ...FIELDS };
    delete seen.callerName;
    delete seen.callerNumber;
    expect(out.delivery).toEqual({
      dispatchId: out.events[0]!.dispatchId,
      caseId,
      status: 'queued',
      queuedAt: T0 + 5000,
      case: seen,
      reporters: 1,
    });
    expect(h.record.inbox('dlh')).toEqual([out.delivery]);
    expect(h.record.inbox('dishub')).toEqual([]);
  });

  it('shows the caller to the OPD when the reporter did not ask to stay anonymous', () => {
    const caseId = openCase(desk1, { ...FIELDS, anonim: false });
    expect(dispatchTo(caseId, 'dlh').delivery?.case).toMatchObject({
      callerName: 'Budi',
      callerNumber: '+6281234567890',
    });
  });

  it('hands nothing to push when no inbox is open; the inbox lists it when it opens', () => {
    const caseId = openCase();
    const dispatchId = uuidv7();
    const out = h.record.dispatch(
      desk1,
      { dispatchId, caseId, opdId: 'dlh', actor: actorOf(desk1) },
      false,
    );
    expect(out.ack).toMatchObject({ ok: true });
    expect(out).not.toHaveProperty('delivery');
    expect(h.record.inbox('dlh').map((d) => d.dispatchId)).toEqual([dispatchId]);
  });

  it('refuses a dispatch for a case or an OPD the hub does not know, and records nothing', () => {
    const unknownCase = dispatchTo(uuidv7(), 'dlh');
    expect(unknownCase.ack).toMatchObject({ ok: false, error: { code: 'case.unknown' } });
    const caseId = openCase();
    const unknownOpd = dispatchTo(caseId, 'pemadam');
    expect(unknownOpd.ack).toMatchObject({
      ok: false,
      error: { code: 'opd.unknown', message: expect.stringContaining('pemadam') },
    });
    expect(allEvents()).toHaveLength(1);
    expect(h.record.inbox('dlh')).toEqual([]);
  });

  it('takes a refused dispatch once its case has arrived', () => {
    const caseId = uuidv7();
    const msg = { dispatchId: uuidv7(), caseId, opdId: 'dlh', actor: actorOf(desk1) };
    expect(h.record.dispatch(desk1, msg).ack).toMatchObject({ ok: false });
    expect(upsert(desk1, caseId, FIELDS).ack).toMatchObject({ ok: true });
    expect(h.record.dispatch(desk1, msg).ack).toMatchObject({ ok: true });
  });

  it('lets only its OPD move a dispatch, and only along the legal path', () => {
    const caseId = openCase();
    const dispatchId = dispatchTo(caseId, 'dlh').events[0]!.dispatchId!;
    expect(move(dishub, dispatchId, 'accepted').ack).toMatchObject({
      ok: false,
      error: { code: 'auth.not_yours' },
    });
    expect(move(dlh, dispatchId, 'in_progress').ack).toMatchObject({
      ok: false,
      error: { code: 'transition.illegal', message: expect.stringContaining('queued') },
    });
    expect(move(dlh, uuidv7(), 'accepted').ack).toMatchObject({
      ok: false,
      error: { code: 'dispatch.unknown' },
    });
    const statuses = ['accepted', 'in_progress', 'resolved'] as const;
    for (const to of statuses) expect(move(dlh, dispatchId, to).ack).toMatchObject({ ok: true });
    const resolved = allEvents().filter((e) => e.dispatchId === dispatchId);
    expect(resolved.map((e) => e.status)).toEqual(['queued', ...statuses]);
    // A resolved dispatch is done: it leaves the inbox and moves no further.
    expect(h.record.inbox('dlh')).toEqual([]);
    expect(move(dlh, dispatchId, 'returned', 'bukan wewenang').ack).toMatchObject({
      ok: false,
      error: { code: 'transition.illegal' },
    });
  });

  it("keeps the OPD's reason when it returns a dispatch", () => {
    const dispatchId = dispatchTo(openCase(), 'dlh').events[0]!.dispatchId!;
    const out = move(dlh, dispatchId, 'returned', 'Bukan wewenang DLH: jalan provinsi');
    expect(out.events).toEqual([
      expect.objectContaining({ status: 'returned', note: 'Bukan wewenang DLH: jalan provinsi' }),
    ]);
    expect(h.record.inbox('dlh')).toEqual([]);
  });

  it('marks a queued dispatch seen once, when its OPD first has it on screen', () => {
    const dispatchId = dispatchTo(openCase(), 'dlh').events[0]!.dispatchId!;
    const seen = h.record.markSeen(dispatchId, actorOf(dlh));
    expect(seen).toEqual([expect.objectContaining({ status: 'seen', dispatchId })]);
    expect(h.record.markSeen(dispatchId, actorOf(dlh))).toEqual([]);
    expect(h.record.markSeen(uuidv7(), actorOf(dlh))).toEqual([]);
    expect(h.record.inbox('dlh')[0]?.status).toBe('seen');
  });

  it('withdraws an open dispatch for the desk that holds the case, naming the OPD to tell', () => {
    const caseId = openCase(desk1);
    const dispatchId = dispatchTo(caseId, 'dlh').events[0]!.dispatchId!;
    const withdraw = (by: TokenEntry, id = dispatchId) =>
      h.record.withdraw(by, {
        withdrawId: uuidv7(),
        dispatchId: id,
        reason: 'Laporan dibatalkan',
        actor: actorOf(by),
      });
    expect(withdraw(desk2).ack).toMatchObject({ ok: false, error: { code: 'auth.not_yours' } });
    expect(withdraw(desk1, uuidv7()).ack).toMatchObject({
      ok: false,
      error: { code: 'dispatch.unknown' },
    });
    const out = withdraw(desk1);
    expect(out.ack).toMatchObject({ ok: true });
    expect(out.opdId).toBe('dlh');
    expect(out.events).toEqual([
      expect.objectContaining({ status: 'withdrawn', note: 'Laporan dibatalkan', opdId: 'dlh' }),
    ]);
    expect(h.record.inbox('dlh')).toEqual([]);
    // Nothing further happens to it, from the OPD or the desk.
    expect(move(dlh, dispatchId, 'accepted').ack).toMatchObject({ ok: false });
    expect(withdraw(desk1).ack).toMatchObject({ ok: false, error: { code: 'transition.illegal' } });
  });

  it('lists an OPD its open dispatches, the longest waiting first', () => {
    const [a, b, c] = [openCase(), openCase(), openCase()];
    h.clock = T0 + 3000;
    const second = dispatchTo(b, 'dlh').events[0]!.dispatchId!;
    h.clock = T0 + 1000;
    const first = dispatchTo(a, 'dlh').events[0]!.dispatchId!;
    h.clock = T0 + 2000;
    const done = dispatchTo(c, 'dlh').events[0]!.dispatchId!;
    move(dlh, done, 'returned', 'bukan wewenang');
    expect(h.record.inbox('dlh').map((d) => d.dispatchId)).toEqual([first, second]);
  });
});
