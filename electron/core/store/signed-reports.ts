/**
 * Signed shift and daily reports at this desk: the one writer of `signed_reports`. A
 * signed report is stored once, as the canonical JSON that was hashed, and read back
 * checked against its hash, so a reprint shows exactly what was signed or says it cannot.
 */
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../../../shared/canonical-json';
import { ReportSnapshot, type SignedReport } from '../../../shared/domain/report';
import type { Actor } from '../../../shared/hub/messages';
import type { Store } from './database';
import type { Outbox } from './outbox';

interface Row {
  id: string;
  kind: 'shift' | 'day';
  date: string;
  shift_id: string | null;
  period_start: number;
  period_end: number;
  snapshot: string;
  hash: string;
  signed_at: number;
  signed_by: string;
  signer_name: string;
  offline: number;
}

export interface SignInput {
  snapshot: ReportSnapshot;
  hash: string;
  signedAt: number;
  signedBy: string;
  signerName: string;
  offline: boolean;
  /** The desk and the person who signed, as the hub message names them. */
  actor: Actor;
}

const summary = (r: Row): SignedReport => ({
  reportId: r.id,
  kind: r.kind,
  date: r.date,
  shiftId: r.shift_id,
  start: r.period_start,
  end: r.period_end,
  hash: r.hash,
  signedAt: r.signed_at,
  signerName: r.signer_name,
  offline: r.offline === 1,
});

export function createSignedReports(db: Store, outbox: Outbox) {
  const insert = db.prepare(
    `INSERT INTO signed_reports (id, kind, date, shift_id, period_start, period_end, snapshot, hash,
       signed_at, signed_by, signer_name, offline)
     VALUES (@id, @kind, @date, @shift_id, @period_start, @period_end, @snapshot, @hash,
       @signed_at, @signed_by, @signer_name, @offline)`,
  );
  const one = db.prepare<[string], Row>('SELECT * FROM signed_reports WHERE id = ?');
  const recent = db.prepare<[number], Row>(
    'SELECT * FROM signed_reports ORDER BY signed_at DESC, id DESC LIMIT ?',
  );
  return {
    /**
     * Stores a signed report beside any earlier one of the same period, and queues it for
     * the hub in the same commit: a sign-off made offline reaches the hub later.
     */
    sign: db.transaction((input: SignInput): SignedReport => {
      const p = input.snapshot.period;
      const row: Row = {
        id: uuidv7(),
        kind: p.kind,
        date: p.date,
        shift_id: p.shiftId,
        period_start: p.start,
        period_end: p.end,
        snapshot: canonicalJson(input.snapshot),
        hash: input.hash,
        signed_at: input.signedAt,
        signed_by: input.signedBy,
        signer_name: input.signerName,
        offline: input.offline ? 1 : 0,
      };
      insert.run(row);
      outbox.enqueue(
        'report.sign',
        row.id,
        {
          reportId: row.id,
          kind: row.kind,
          date: row.date,
          shiftId: row.shift_id,
          periodStart: row.period_start,
          periodEnd: row.period_end,
          snapshot: row.snapshot,
          hash: row.hash,
          signedAt: row.signed_at,
          signerName: row.signer_name,
          offline: input.offline,
          // Becomes the signer's person token on the wire (auth/person-tokens.ts).
          personAccount: input.signedBy,
          actor: input.actor,
        },
        input.signedAt,
      );
      return summary(row);
    }),
    /** The most recent signed reports, newest first. */
    list(limit = 200): SignedReport[] {
      return recent.all(limit).map(summary);
    },
    /** A signed report with its snapshot as stored; undefined when there is none. */
    find(
      id: string,
    ): { report: SignedReport; snapshot: ReportSnapshot; stored: string } | undefined {
      const r = one.get(id);
      if (!r) return undefined;
      return {
        report: summary(r),
        snapshot: ReportSnapshot.parse(JSON.parse(r.snapshot)),
        stored: r.snapshot,
      };
    },
  };
}

export type SignedReports = ReturnType<typeof createSignedReports>;
