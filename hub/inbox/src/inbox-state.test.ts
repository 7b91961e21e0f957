/** The inbox's queue rules: triage order, live changes, actions in flight, legal actions. */
import { describe, expect, it } from 'vitest';
import type { OpdDispatch } from '../../../shared/hub/opd-messages';
import {
  allowedActions,
  emptyInbox,
  inboxReducer,
  triageOrder,
  type InboxState,
} from './inbox-state';

const dispatch = (
  n: number,
  urgency: 'darurat' | 'non_darurat',
  queuedAt: number,
): OpdDispatch => ({
  dispatchId: `0193f0c3-0000-7000-8000-00000000000${n}`,
  caseId: `0193f0c1-0000-7000-8000-00000000000${n}`,
  status: 'queued',
  queuedAt,
  case: { categoryId: 'sampah', urgency, description: `kasus ${n}` },
});
const clerk = { id: 'dlh', role: 'opd' as const, person: 'Sari' };

const loaded = (...ds: OpdDispatch[]): InboxState =>
  inboxReducer(emptyInbox, { type: 'inbox', dispatches: ds });

describe('OPD inbox queue', () => {
  it('puts emergencies first, then the longest waiting', () => {
    const s = loaded(
      dispatch(1, 'non_darurat', 100),
      dispatch(2, 'darurat', 300),
      dispatch(3, 'darurat', 200),
      dispatch(4, 'non_darurat', 50),
    );
    expect(triageOrder(s.open).map((i) => i.dispatch.case.description)).toEqual([
      'kasus 3',
      'kasus 2',
      'kasus 4',
      'kasus 1',
    ]);
  });

  it('adds a new dispatch once, and a closing change moves it out of the open list', () => {
    const d = dispatch(1, 'darurat', 100);
    let s = inboxReducer(loaded(), { type: 'new', dispatch: d });
    s = inboxReducer(s, { type: 'new', dispatch: d });
    expect(Object.keys(s.open)).toHaveLength(1);
    s = inboxReducer(s, {
      type: 'changed',
      change: {
        dispatchId: d.dispatchId,
        status: 'withdrawn',
        note: 'kasus dibatalkan',
        actor: clerk,
        at: 5,
      },
    });
    expect(s.open).toEqual({});
    expect(s.closed[0]).toMatchObject({ status: 'withdrawn', note: 'kasus dibatalkan' });
  });

  it('never moves a dispatch backwards when changes arrive late', () => {
    const d = dispatch(1, 'darurat', 100);
    let s = loaded({ ...d, status: 'in_progress' });
    s = inboxReducer(s, {
      type: 'changed',
      change: { dispatchId: d.dispatchId, status: 'accepted', actor: clerk, at: 5 },
    });
    expect(s.open[d.dispatchId]?.status).toBe('in_progress');
  });

  it('offers only the legal actions, and none while one is on its way', () => {
    const d = dispatch(1, 'darurat', 100);
    let s = loaded(d);
    expect([...allowedActions(s.open[d.dispatchId]!)].sort()).toEqual(['accepted', 'returned']);
    s = inboxReducer(s, {
      type: 'sending',
      dispatchId: d.dispatchId,
      transitionId: 't1',
      to: 'accepted',
    });
    expect(allowedActions(s.open[d.dispatchId]!).size).toBe(0);
    // A reconnect's fresh list keeps the action marked: it is resent with the same id.
    s = inboxReducer(s, { type: 'inbox', dispatches: [d] });
    expect(s.open[d.dispatchId]?.pending).toEqual({ transitionId: 't1', to: 'accepted' });
    s = inboxReducer(s, {
      type: 'applied',
      transitionId: 't1',
      dispatchId: d.dispatchId,
      to: 'accepted',
      actor: clerk,
      at: 9,
    });
    expect(s.open[d.dispatchId]?.status).toBe('accepted');
    expect([...allowedActions(s.open[d.dispatchId]!)].sort()).toEqual([
      'in_progress',
      'resolved',
      'returned',
    ]);
  });

  it('keeps the hub refusal code on the dispatch and frees its actions again', () => {
    const d = dispatch(1, 'darurat', 100);
    let s = inboxReducer(loaded(d), {
      type: 'sending',
      dispatchId: d.dispatchId,
      transitionId: 't1',
      to: 'accepted',
    });
    s = inboxReducer(s, {
      type: 'refused',
      transitionId: 't1',
      dispatchId: d.dispatchId,
      code: 'transition.illegal',
    });
    expect(s.open[d.dispatchId]).toMatchObject({ error: 'transition.illegal', pending: undefined });
    expect(allowedActions(s.open[d.dispatchId]!).size).toBe(2);
  });

  it('shows a new count of reporters on every open dispatch of the case, and on no other', () => {
    const a = dispatch(1, 'darurat', 100);
    const b = { ...dispatch(2, 'darurat', 110), caseId: a.caseId };
    const other = dispatch(3, 'darurat', 120);
    const s = inboxReducer(loaded(a, b, other), {
      type: 'reporters',
      caseId: a.caseId,
      reporters: 2,
    });
    expect(Object.values(s.open).map((i) => [i.dispatch.dispatchId, i.dispatch.reporters])).toEqual(
      [
        [a.dispatchId, 2],
        [b.dispatchId, 2],
        [other.dispatchId, undefined],
      ],
    );
  });
});

describe("a supervisor's escalation", () => {
  it('shows the note on the open dispatch it concerns, and nowhere else', () => {
    const d1 = dispatch(1, 'darurat', 100);
    const s = inboxReducer(loaded(d1, dispatch(2, 'darurat', 200)), {
      type: 'escalated',
      dispatchId: d1.dispatchId,
      note: 'Mohon segera',
      at: 500,
    });
    expect(s.open[d1.dispatchId]?.dispatch.escalation).toEqual({ note: 'Mohon segera', at: 500 });
    expect(s.open[dispatch(2, 'darurat', 200).dispatchId]?.dispatch.escalation).toBeUndefined();
    // One the page no longer holds changes nothing.
    const other = inboxReducer(s, {
      type: 'escalated',
      dispatchId: dispatch(3, 'darurat', 1).dispatchId,
      note: 'x',
      at: 1,
    });
    expect(other).toBe(s);
  });
});
