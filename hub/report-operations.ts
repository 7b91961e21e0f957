/**
 * Signed shift and daily reports at the hub (`report.sign`): the one writer of `reports`.
 * A report is kept only when its snapshot gives the hash it was signed with, only from a
 * supervisor's person token, once per report id (a desk's outbox may send it again after a
 * lost answer); each one kept goes into the center audit log.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ReportSignMessage } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { AuditLog } from './audit';
import type { PersonAuth } from './person-auth';
import type { HubStore } from './store/store';

type ReportSign = z.output<typeof ReportSignMessage>;

export function createReportOperations(
  db: HubStore,
  once: AppliedAnswers['once'],
  now: () => number,
  auth: PersonAuth,
  audit: AuditLog,
) {
  const insert = db.prepare(
    `INSERT INTO reports (id, desk_id, kind, date, shift_id, period_start, period_end, snapshot,
       hash, signed_at, signer_name, offline, sent_by, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    signReport(who: TokenEntry, msg: ReportSign): Outcome<{ storedAt: number }> {
      const hash = createHash('sha256').update(msg.snapshot, 'utf8').digest('hex');
      if (hash !== msg.hash) {
        return refuse('report.bad_hash', 'the snapshot does not give the hash it came with');
      }
      return once<{ storedAt: number }>('report.sign', who, msg.reportId, () => {
        const supervisor = auth.requireSupervisor(msg.personToken);
        if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
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
        audit.record({
          at,
          personId: supervisor.account.id,
          person: supervisor.account.displayName,
          action: 'report.sign',
          desk: who.id,
          details: {
            reportId: msg.reportId,
            kind: msg.kind,
            date: msg.date,
            shiftId: msg.shiftId,
            periodStart: msg.periodStart,
            periodEnd: msg.periodEnd,
            hash: msg.hash,
            offline: msg.offline,
          },
        });
        return { ack: { ok: true, storedAt: at }, events: [] };
      });
    },
  };
}
