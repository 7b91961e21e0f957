/**
 * Exports made at the desks, in the center audit log (`export.logged`). Each is recorded
 * once per export id (a desk's outbox may send it again after a lost answer), as the person
 * of the token it carries: anyone signed in may have a masked export recorded, while one
 * with caller numbers in full is recorded only for a supervisor and refused otherwise.
 */
import type { z } from 'zod';
import type { ExportLogged } from '../shared/hub/export-messages';
import type { TokenEntry } from '../shared/hub/protocol';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { AuditLog } from './audit';
import type { PersonAuth } from './person-auth';

export function createExportOperations(
  once: AppliedAnswers['once'],
  now: () => number,
  auth: PersonAuth,
  audit: AuditLog,
) {
  return {
    exportLogged(
      who: TokenEntry,
      msg: z.output<typeof ExportLogged>,
    ): Outcome<{ recordedAt: number }> {
      return once<{ recordedAt: number }>('export.logged', who, msg.exportId, () => {
        const person = msg.unmasked
          ? auth.requireSupervisor(msg.personToken)
          : auth.person(msg.personToken);
        if (!person.ok) return refuse(person.code, person.message);
        const at = now();
        audit.record({
          at,
          personId: person.account.id,
          person: person.account.displayName,
          action: 'export',
          desk: who.id,
          details: {
            exportId: msg.exportId,
            kind: msg.kind,
            format: msg.format,
            from: msg.from,
            to: msg.to,
            unmasked: msg.unmasked,
            outcome: msg.outcome,
            rows: msg.rows,
            startedAt: msg.startedAt,
            endedAt: msg.endedAt,
            offline: msg.offline,
          },
        });
        return { ack: { ok: true, recordedAt: at }, events: [] };
      });
    },
  };
}
