/**
 * A burst of dispatches reads its cases' OPD copies in one go (group-commit.ts), and the
 * copies read ahead never outlive a message that may change a case: each OPD is handed
 * the case as it stands when its own dispatch is applied.
 */
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { OpdDispatch } from '../shared/hub/opd-messages';
import { actorOf, desk1, FIELDS, useCenterRecord } from '../tests/support/center-record';
import { createGroupCommit, type ReadAheadHint } from './group-commit';

const h = useCenterRecord();

describe('reading a burst of dispatches ahead', () => {
  it('hands each OPD the case as it stands when its dispatch is applied', async () => {
    const [tree, flood] = [h.openCase(), h.openCase()];
    const commit = createGroupCommit(h.store(), () => undefined, h.record.readAhead);
    const apply = <T>(work: () => T, hint?: ReadAheadHint) =>
      new Promise<T>((resolve, reject) =>
        commit.submit(
          work,
          resolve,
          (error) => {
            reject(error as Error);
            return undefined as T;
          },
          hint,
        ),
      );
    const dispatch = (caseId: string) =>
      apply(
        () =>
          h.record.dispatch(desk1, {
            dispatchId: uuidv7(),
            caseId,
            opdId: 'dlh',
            actor: actorOf(desk1),
          }).delivery,
        { caseCopy: caseId },
      );
    const described = (d: OpdDispatch | undefined) => d?.case.description;

    // One group: two dispatches, an edit of the first case, that case dispatched again.
    const burst = await Promise.all([
      dispatch(tree),
      dispatch(flood),
      apply(() => h.upsert(desk1, tree, { description: 'Dua pohon tumbang' }, 1).ack),
      dispatch(tree),
      dispatch(uuidv7()), // a case the hub does not have
    ]);
    expect(burst.map((d) => (d && 'case' in d ? described(d) : d))).toEqual([
      FIELDS.description,
      FIELDS.description,
      { ok: true, seq: 5 },
      'Dua pohon tumbang',
      undefined,
    ]);
    commit.close();
  });
});
