/**
 * The lifecycle table, status by status: what the console, the desk store, the hub and the
 * OPD inbox decide from it.
 */
import { describe, expect, it } from 'vitest';
import { DispatchStatus } from '../hub/messages';
import { CaseStatus } from './case';
import { DeskDispatchStatus } from './dispatch';
import {
  deskStage,
  deskStatusOf,
  dispatchRank,
  isCaseCancelled,
  isCaseLevelStatus,
  isCaseOpen,
  isDeskDispatchOpen,
  isDispatchOpen,
  isUnseen,
  isWithdrawable,
  mayEdit,
  returnsCase,
  sqlStatusList,
  DESK_DISPATCH_LIFECYCLE,
  DISPATCH_LIFECYCLE,
} from './lifecycle';

describe('case lifecycle', () => {
  // status, open (editable, dispatchable), carried by the case itself
  const cases: Array<[CaseStatus, boolean, boolean]> = [
    ['new', true, false],
    ['dispatch_pending', true, false],
    ['dispatched', true, false],
    ['accepted', true, false],
    ['in_progress', true, false],
    ['resolved', true, false],
    ['returned', true, false],
    ['closed', false, true],
    ['cancelled', false, true],
  ];
  it('covers every case status', () => {
    expect(cases.map(([s]) => s).sort()).toEqual([...CaseStatus.options].sort());
  });
  it.each(cases)('%s: open %s, case-level %s', (status, open, caseLevel) => {
    expect(isCaseOpen(status)).toBe(open);
    expect(isCaseLevelStatus(status)).toBe(caseLevel);
    expect(isCaseCancelled(status)).toBe(status === 'cancelled');
  });
  it('takes no unknown text for a case-level status', () => {
    expect(isCaseLevelStatus('toString')).toBe(false);
    expect(isCaseLevelStatus('CLOSED')).toBe(false);
    expect(isCaseCancelled(undefined)).toBe(false);
  });
  it('lets the desk that opened a case and the desk holding it edit it, no other', () => {
    expect(mayEdit('d1', 'd1', null)).toBe(true);
    expect(mayEdit('d2', 'd1', 'd2')).toBe(true);
    expect(mayEdit('d1', 'd1', 'd2')).toBe(true);
    expect(mayEdit('d3', 'd1', 'd2')).toBe(false);
    expect(mayEdit('d3', 'd1', null)).toBe(false);
  });
});

describe('dispatch lifecycle at the hub and the OPD', () => {
  // status, open in the inbox, withdrawable, returns the case, rank, unseen
  const rows: Array<[DispatchStatus, boolean, boolean, boolean, number, boolean]> = [
    ['queued', true, true, false, 0, true],
    ['seen', true, true, false, 1, false],
    ['accepted', true, true, false, 2, false],
    ['in_progress', true, true, false, 3, false],
    ['resolved', false, false, false, 4, false],
    ['returned', false, false, true, 4, false],
    ['withdrawn', false, false, false, 4, false],
  ];
  it('covers every hub dispatch status', () => {
    expect(rows.map(([s]) => s).sort()).toEqual([...DispatchStatus.options].sort());
  });
  it.each(rows)(
    '%s: open %s, withdrawable %s, returns %s, rank %i, unseen %s',
    (status, open, withdrawable, returns, rank, unseen) => {
      expect(isDispatchOpen(status)).toBe(open);
      expect(isWithdrawable(status)).toBe(withdrawable);
      expect(returnsCase(status)).toBe(returns);
      expect(dispatchRank(status)).toBe(rank);
      expect(isUnseen(status)).toBe(unseen);
      expect(DISPATCH_LIFECYCLE[status].label).toBe(`status.${status}`);
    },
  );
});

describe('dispatch lifecycle on a desk', () => {
  // status, stage on the way to the hub, open (withdrawn on cancel), the OPD holds the case
  const rows: Array<[DeskDispatchStatus, string, boolean, boolean]> = [
    ['waiting', 'waiting', true, true],
    ['refused', 'refused', true, true],
    ['at_hub', 'sent', true, true],
    ['seen', 'sent', true, true],
    ['accepted', 'sent', true, true],
    ['in_progress', 'sent', true, true],
    ['resolved', 'sent', false, true],
    ['returned', 'sent', false, false],
    ['withdrawn', 'sent', false, false],
  ];
  it('covers every desk dispatch status', () => {
    expect(rows.map(([s]) => s).sort()).toEqual([...DeskDispatchStatus.options].sort());
  });
  it.each(rows)('%s: stage %s, open %s, holds %s', (status, stage, open, holds) => {
    expect(deskStage(status)).toBe(stage);
    expect(isDeskDispatchOpen(status)).toBe(open);
    expect(DESK_DISPATCH_LIFECYCLE[status].holds).toBe(holds);
    expect(DESK_DISPATCH_LIFECYCLE[status].label).toBe(`dispatch.status.${status}`);
  });
  it('names the hub’s queued as at_hub and keeps the OPD’s own words', () => {
    expect(DispatchStatus.options.map(deskStatusOf)).toEqual([
      'at_hub',
      'seen',
      'accepted',
      'in_progress',
      'resolved',
      'returned',
      'withdrawn',
    ]);
  });
  it('writes the SQL lists the stores query with', () => {
    expect(sqlStatusList(DISPATCH_LIFECYCLE, (r) => !r.open)).toBe(
      "'resolved', 'returned', 'withdrawn'",
    );
    expect(sqlStatusList(DESK_DISPATCH_LIFECYCLE, (r) => !r.holds)).toBe("'returned', 'withdrawn'");
    expect(sqlStatusList(DESK_DISPATCH_LIFECYCLE, (r) => r.open)).toBe(
      "'waiting', 'at_hub', 'seen', 'accepted', 'in_progress', 'refused'",
    );
  });
});
