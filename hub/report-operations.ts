/**
 * Signed shift and daily reports at the hub (`report.sign`): the one writer of `reports`.
 * A report is kept only when its snapshot gives the hash it was signed with, only from a
 * supervisor, once per report id (a desk's outbox may send it again after a lost answer).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ReportSignMessage } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { HubStore } from './store/database';

type ReportSign = z.output<typeof ReportSignMessage>;

/**
 * Whether the person who sent it is a supervisor: today the desk says so (as for soft
 * blocks); one function, so a per-person token check replaces it in one place.
 */
const sentBySupervisor = (msg: ReportSign): boolean => msg.personRole === 'supervisor';

export function createReportOperations(
  db: HubStore,
  once: AppliedAnswers['once'],
  now: () => number,
) {
  const insert = db.prepare(
    `INSERT INTO reports (id, desk_id, kind, date, shift_id, period_start, period_end, snapshot,
       hash, signed_at, signer_name, offline, sent_by, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    signReport(who: TokenEntry, msg: ReportSign): Outcome<{ storedAt: number }> {
      if (!sentBySupervisor(msg)) {
        return refuse('auth.not_supervisor', 'only a supervisor signs a report');
      }
      const hash = createHash('sha256').update(msg.snapshot, 'utf8').digest('hex');
      if (hash !== msg.hash) {
        return refuse('report.bad_hash', 'the snapshot does not give the hash it came with');
      }
      return once<{ storedAt: number }>('report.sign', who, msg.reportId, () => {
        const at = now();
        insert.run(
          msg.reportId,
          who.id,
          msg.kind,
          msg.date,
          msg.shiftId,
          msg.periodStart,
          msg.periodEnd,
          msg.snapshot,
          msg.hash,
          msg.signedAt,
          msg.signerName,
          msg.offline ? 1 : 0,
          JSON.stringify(msg.actor),
          at,
        );
        return { ack: { ok: true, storedAt: at }, events: [] };
      });
    },
  };
}
