/**
 * Writing and reading calls and cases. A save writes the caller, the case, the call, the
 * first timeline entry and clears the draft in ONE transaction: the operator is told
 * "saved" only after it commits, and a crash leaves either all of it or none.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  DEFAULT_ALARM_CLOCKS,
  callAlarmRaised,
  type AlarmClocks,
} from '../../../shared/domain/call-alarm';
import type { CaseDetail, StoredCaseDetail } from '../../../shared/domain/queue';
import type { IntakeForm } from '../../../shared/domain/intake';
import { mayEdit } from '../../../shared/domain/lifecycle';
import type { Classification } from '../../../shared/domain/reference';
import type { Actor } from '../../../shared/hub/messages';
import { createCalls } from './calls';
import { createCaseRows } from './case-rows';
import type { Store } from './database';
import { createDrafts } from './drafts';
import type { Outbox } from './outbox';

export interface SaveIntakeInput {
  callId: string;
  startedAt: number;
  endedAt: number;
  form: IntakeForm;
  /** Normalized number, or null when withheld. */
  callerE164: string | null;
  classification: Classification;
  operatorId: string;
  deskId: string;
  /** Who acted, as the hub records it. */
  actor: Actor;
}

export interface SavedIntake {
  caseId: string;
  callId: string;
  savedAt: number;
  /** True when this call had been saved before (a retried save): nothing was written. */
  duplicate: boolean;
}

export type CaseWrites = ReturnType<typeof createCaseWrites>;

export function createCaseWrites(db: Store, outbox: Outbox) {
  const rows = createCaseRows(db);
  const calls = createCalls(db);
  const drafts = createDrafts(db);

  const save = db.transaction((input: SaveIntakeInput): SavedIntake => {
    const existing = calls.find(input.callId);
    if (existing) {
      return {
        caseId: existing.caseId,
        callId: input.callId,
        savedAt: existing.endedAt,
        duplicate: true,
      };
    }
    const f = input.form;
    const caseId = uuidv7();
    if (input.callerE164) calls.callerOpenedCase(input.callerE164, input.startedAt);
    rows.insert({
      id: caseId,
      createdAt: input.startedAt,
      updatedAt: input.endedAt,
      status: 'new',
      categoryId: f.categoryId,
      urgency: f.urgency,
      classification: input.classification,
      description: f.description,
      kecamatanId: f.kecamatanId,
      kelurahanId: f.kelurahanId,
      address: f.address,
      landmark: f.landmark,
      lat: f.lat,
      lng: f.lng,
      anonim: f.anonim,
      rahasia: f.rahasia,
      callerNumber: input.callerE164,
      openedBy: input.operatorId,
      deskId: input.deskId,
      hubSeq: 0,
    });
    calls.record({
      id: input.callId,
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      callerNumber: input.callerE164,
      withheld: f.withheld,
      callerName: f.callerName,
      deskId: input.deskId,
      operatorId: input.operatorId,
      disposition: 'case',
      caseId,
    });
    rows.timeline(caseId, input.endedAt, input.operatorId, 'created', null);
    // Only this call's draft: other calls put aside stay.
    drafts.discard(input.operatorId, input.callId);
    // The case travels to the hub with the same commit: saved here means queued there.
    const changeId = uuidv7();
    outbox.enqueue(
      'case.upsert',
      changeId,
      {
        changeId,
        caseId,
        baseSeq: 0,
        actor: input.actor,
        fields: {
          status: 'new',
          categoryId: f.categoryId,
          urgency: f.urgency,
          description: f.description,
          kecamatanId: f.kecamatanId,
          kelurahanId: f.kelurahanId,
          address: f.address,
          landmark: f.landmark,
          lat: f.lat,
          lng: f.lng,
          anonim: f.anonim,
          rahasia: f.rahasia,
          callerName: f.callerName,
          callerNumber: input.callerE164,
        },
      },
      input.endedAt,
    );
    return { caseId, callId: input.callId, savedAt: input.endedAt, duplicate: false };
  });

  return { save, isSaved: calls.isSaved };
}

interface CaseRow {
  id: string;
  created_at: number;
  status: CaseDetail['status'];
  category_id: string;
  urgency: CaseDetail['urgency'];
  classification: CaseDetail['classification'];
  description: string;
  kecamatan_id: string;
  kelurahan_id: string;
  address: string;
  landmark: string;
  lat: number | null;
  lng: number | null;
  anonim: number;
  rahasia: number;
  desk_id: string;
  holder_desk: string | null;
}

/** The case as this desk knows it; `now` decides which dispatches need a phone call. */
export function readCaseDetail(
  db: Store,
  caseId: string,
  deskId: string,
  now: number,
  clocks: AlarmClocks = DEFAULT_ALARM_CLOCKS,
): StoredCaseDetail | undefined {
  const c = db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as CaseRow | undefined;
  if (!c) return undefined;
  const calls = db
    .prepare(
      `SELECT calls.id AS callId, started_at AS startedAt, ended_at AS endedAt, caller_number AS callerNumber,
              caller_name AS callerName, operators.display_name AS operator, desk_id AS deskId, disposition
       FROM calls JOIN operators ON operators.id = calls.operator_id
       WHERE case_id = ? ORDER BY started_at`,
    )
    .all(caseId) as CaseDetail['calls'];
  const timeline = db
    .prepare(
      `SELECT at, coalesce(operators.display_name, actor_id) AS actor, kind, note
       FROM case_timeline LEFT JOIN operators ON operators.id = case_timeline.actor_id
       WHERE case_id = ? ORDER BY at, case_timeline.id`,
    )
    .all(caseId) as CaseDetail['timeline'];
  const dispatches = db
    .prepare(
      `SELECT id AS dispatchId, opd_id AS opdId, status, created_at AS createdAt, updated_at AS updatedAt, note,
              refusal, called_at AS calledAt
       FROM dispatches WHERE case_id = ? ORDER BY created_at`,
    )
    .all(caseId) as Array<Omit<CaseDetail['dispatches'][number], 'callAlarm'>>;
  const rules = clocks.rulesFor(c.category_id, c.urgency);
  return {
    dispatches: dispatches.map((d) => ({
      ...d,
      callAlarm: callAlarmRaised({ ...d, urgency: c.urgency, rules }, now),
    })),
    caseId: c.id,
    createdAt: c.created_at,
    status: c.status,
    categoryId: c.category_id,
    urgency: c.urgency,
    classification: c.classification,
    description: c.description,
    kecamatanId: c.kecamatan_id,
    kelurahanId: c.kelurahan_id,
    address: c.address,
    landmark: c.landmark,
    lat: c.lat,
    lng: c.lng,
    anonim: c.anonim === 1,
    rahasia: c.rahasia === 1,
    reporters: (
      db.prepare('SELECT 1 + count(*) AS n FROM case_reporters WHERE case_id = ?').get(caseId) as {
        n: number;
      }
    ).n,
    calls,
    timeline,
    deskId: c.desk_id,
    holderDesk: c.holder_desk ?? c.desk_id,
    // The desk that opened a case keeps its say; a takeover adds the new holder.
    mayEdit: mayEdit(deskId, c.desk_id, c.holder_desk),
  };
}
