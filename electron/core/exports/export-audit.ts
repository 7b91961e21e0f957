/**
 * An export, as the center audit log hears of it: one `export.logged` message per export
 * when it ends, written to the outbox so that one made while the hub is away reaches it
 * later, exactly once (the hub applies it once per export id). Finished, cancelled and
 * failed exports are all told: a finished one left the desk as a file, and an attempt at
 * numbers in full is worth a supervisor's eye even when it was stopped.
 */
import type { ExportFormat, ExportKind, ExportState } from '../../../shared/domain/exports/request';
import type { OutboxPayload } from '../store/outbox';

export interface ExportEnded {
  exportId: string;
  kind: ExportKind;
  format: ExportFormat;
  /** The range's instants: [start of the first WIB day, start of the day after the last). */
  start: number;
  end: number;
  unmasked: boolean;
  outcome: Exclude<ExportState, 'running'>;
  rows: number;
  startedAt: number;
  endedAt: number;
  /** Who exported: their account, and their name as this desk knows it. */
  operatorId: string;
  operatorName: string;
}

const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const isoWibDay = (ms: number): string => new Date(ms + WIB_OFFSET_MS).toISOString().slice(0, 10);

export function exportLoggedMessage(
  e: ExportEnded,
  deskId: string,
  offline: boolean,
): OutboxPayload<'export.logged'> {
  return {
    exportId: e.exportId,
    kind: e.kind,
    format: e.format,
    from: isoWibDay(e.start),
    to: isoWibDay(e.end - DAY_MS),
    unmasked: e.unmasked,
    outcome: e.outcome,
    rows: e.rows,
    startedAt: e.startedAt,
    endedAt: Math.max(e.startedAt, e.endedAt),
    offline,
    // Becomes the person's token on the wire (auth/person-tokens.ts): the hub records who
    // that token belongs to.
    personAccount: e.operatorId,
    actor: { id: deskId, role: 'desk', person: e.operatorName },
  };
}
