/**
 * docs/PROTOCOL.md is what integrators build from: every JSON example in it (a code block
 * named by its message, and the answer after it) must parse against the schemas the hub
 * and the desks use, with no field the schemas do not know.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  DashboardPush,
  DashboardSubscribe,
  DashboardSubscribeAck,
  DeskPerson,
  DeskPersonAck,
} from '../../shared/hub/dashboard';
import {
  DispatchAck,
  HelloAnswer,
  InboxAck,
  ExportLoggedAck,
  ReportSignAck,
  SeqAck,
  SyncAck,
} from '../../shared/hub/acks';
import { Batch, BatchAck, EVENTS_MAX } from '../../shared/hub/batch';
import { droppedKeys } from '../../shared/hub/event-envelope';
import {
  AlarmAck,
  CalendarAck,
  CaseAssign,
  CaseEscalate,
  CaseReroute,
  CallerBlock,
  CallerUnblock,
  CallLog,
  CaseAppend,
  CaseClaim,
  CaseClose,
  CaseUpsert,
  DispatchRequest,
  DispatchWithdraw,
  HubEvent,
  ReportSignMessage,
  SyncRequest,
  Transition,
} from '../../shared/hub/messages';
import {
  OpdCaseReporters,
  OpdDispatch,
  OpdDispatchChanged,
  OpdDispatchEscalated,
} from '../../shared/hub/opd-messages';
import { ExportLogged } from '../../shared/hub/export-messages';
import { Hello } from '../../shared/hub/protocol';
import {
  AccountAck,
  AccountBootstrap,
  AccountCreate,
  AccountResetPassword,
  AccountSetEnabled,
  AuditAck,
  AuditList,
  SessionAck,
  SessionOpen,
} from '../../shared/hub/account-messages';
import {
  RoutingPublish,
  RulesHistory,
  RulesHistoryAck,
  RulesPublishAck,
  TargetsPublish,
} from '../../shared/hub/rules-messages';
import { repoRoot } from '../support/processes';

/** Each message's schema, and its answer's when it has one. */
const MESSAGES: Record<string, { message: z.ZodType; answer?: z.ZodType }> = {
  hello: { message: Hello, answer: HelloAnswer },
  'case.upsert': { message: CaseUpsert, answer: SeqAck },
  'case.claim': { message: CaseClaim, answer: SeqAck },
  'case.append': { message: CaseAppend, answer: SeqAck },
  'dispatch.withdraw': { message: DispatchWithdraw, answer: SeqAck },
  'call.log': { message: CallLog, answer: SeqAck },
  'caller.block': { message: CallerBlock, answer: SeqAck },
  'caller.unblock': { message: CallerUnblock, answer: SeqAck },
  'session.open': { message: SessionOpen, answer: SessionAck },
  'account.bootstrap': { message: AccountBootstrap, answer: AccountAck },
  'account.create': { message: AccountCreate, answer: AccountAck },
  'account.setEnabled': { message: AccountSetEnabled, answer: AccountAck },
  'account.resetPassword': { message: AccountResetPassword, answer: AccountAck },
  'audit.list': { message: AuditList, answer: AuditAck },
  dispatch: { message: DispatchRequest, answer: DispatchAck },
  'report.sign': { message: ReportSignMessage, answer: ReportSignAck },
  'export.logged': { message: ExportLogged, answer: ExportLoggedAck },
  sync: { message: SyncRequest, answer: SyncAck },
  inbox: { message: z.object({}).strict(), answer: InboxAck },
  transition: { message: Transition, answer: SeqAck },
  event: { message: HubEvent },
  batch: { message: Batch, answer: BatchAck },
  events: { message: z.array(HubEvent).max(EVENTS_MAX) },
  'dispatch.new': { message: OpdDispatch },
  'dispatch.changed': { message: OpdDispatchChanged },
  'case.reporters': { message: OpdCaseReporters },
  'desk.person': { message: DeskPerson, answer: DeskPersonAck },
  'dashboard.subscribe': { message: DashboardSubscribe, answer: DashboardSubscribeAck },
  dashboard: { message: DashboardPush },
  'alarm.ack': { message: AlarmAck, answer: SeqAck },
  'calendar.ack': { message: CalendarAck, answer: SeqAck },
  'case.escalate': { message: CaseEscalate, answer: SeqAck },
  'case.reroute': { message: CaseReroute, answer: SeqAck },
  'case.assign': { message: CaseAssign, answer: SeqAck },
  'case.close': { message: CaseClose, answer: SeqAck },
  'dispatch.escalated': { message: OpdDispatchEscalated },
  'routing.publish': { message: RoutingPublish, answer: RulesPublishAck },
  'targets.publish': { message: TargetsPublish, answer: RulesPublishAck },
  'routing.history': { message: RulesHistory, answer: RulesHistoryAck },
  'targets.history': { message: RulesHistory, answer: RulesHistoryAck },
};

interface Example {
  name: string;
  kind: 'message' | 'answer';
  line: number;
  json: string;
}

/** Code blocks whose info string starts with `json`, and the `→ \`{…}\`` answer after each. */
function examples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const found: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```json(?:\s+(\S+))?\s*$/.exec(lines[i]!);
    if (!open) continue;
    const name = open[1] ?? '(unnamed)';
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    found.push({ name, kind: 'message', line: start + 1, json: body.join('\n') });
    const answer = /^→ `(\{.*\})`/.exec(lines[i + 1] ?? '');
    if (answer) found.push({ name, kind: 'answer', line: i + 2, json: answer[1]! });
  }
  return found;
}

const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'PROTOCOL.md'), 'utf8');
const all = examples(doc);

describe('docs/PROTOCOL.md', () => {
  it('has a named example of every message, push and answer', () => {
    const named = new Set(all.map((e) => `${e.name} ${e.kind}`));
    for (const [name, { answer }] of Object.entries(MESSAGES)) {
      expect(named, name).toContain(`${name} message`);
      if (answer) expect(named, name).toContain(`${name} answer`);
    }
  });

  it.each(all.map((e) => [`${e.name} ${e.kind} (line ${e.line})`, e] as const))(
    '%s parses against its schema',
    (_, e) => {
      const schemas = MESSAGES[e.name];
      expect(schemas, `no schema for a "${e.name}" example`).toBeDefined();
      const schema = e.kind === 'message' ? schemas!.message : schemas!.answer;
      expect(schema, `"${e.name}" has no answer`).toBeDefined();
      const raw = JSON.parse(e.json) as unknown;
      const parsed = schema!.safeParse(raw);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(droppedKeys(raw, parsed.data)).toEqual([]);
    },
  );
});
