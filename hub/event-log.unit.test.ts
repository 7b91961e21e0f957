/**
 * The hub's event log, through the center's record on a real store: the pages desks
 * replay, and a record that survives reopening its store.
 */
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { desk1, desk2, actorOf, useCenterRecord } from '../tests/support/center-record';

const h = useCenterRecord();
const { upsert, openCase, dispatchTo, allEvents } = h;

describe('event log', () => {
  it('hands out events after a seq, a page at a time, with the last seq', () => {
    const caseId = openCase(); // 1
    h.record.append(desk2, {
      changeId: uuidv7(),
      caseId,
      entry: {
        kind: 'co_reporter',
        text: 'Siti, 0812•••••890',
        callId: uuidv7(),
        callerName: 'Siti',
        callerNumber: '+6281234567890',
      },
      actor: actorOf(desk2),
    }); // 2
    dispatchTo(caseId, 'dlh'); // 3
    upsert(desk1, caseId, { urgency: 'non_darurat' }, 3); // 4
    expect(h.record.sync(0, 2)).toEqual({
      events: [expect.objectContaining({ seq: 1 }), expect.objectContaining({ seq: 2 })],
      lastSeq: 4,
    });
    const rest = h.record.sync(2, 10);
    expect(rest.events.map((e) => [e.seq, e.type])).toEqual([
      [3, 'dispatch.status'],
      [4, 'case.changed'],
    ]);
    expect(h.record.sync(4, 10)).toEqual({ events: [], lastSeq: 4 });
  });

  it('keeps the record in the store: a record opened afresh on the same folder has it', () => {
    const caseId = openCase();
    const dispatched = dispatchTo(caseId, 'dlh');
    const before = allEvents();
    const reopened = h.reopen(new Set(['dlh']));
    expect(reopened.sync(0, 100)).toEqual({ events: before, lastSeq: 2 });
    expect(reopened.inbox('dlh')).toEqual([dispatched.delivery]);
  });
});
