/**
 * The center's rules at the hub (issue #14): supervisors publish the routing table and the
 * category targets, each as a whole new version made on the version they edited, and read
 * the history. The one writer of `rules_versions`. A publish is one transaction: the
 * version, its event (`routing.changed` / `targets.changed`, which every desk replays) and
 * its audit entry commit together or not at all; any refusal changes nothing.
 */
import type { z } from 'zod';
import {
  checkRouting,
  checkTargets,
  type RoutingTable,
  type RulesKind,
  type RulesProblem,
  type RulesReference,
  type RulesVersionEntry,
  type TargetsTable,
} from '../shared/domain/center-rules';
import type { HubEvent } from '../shared/hub/messages';
import type { TokenEntry } from '../shared/hub/protocol';
import type { RoutingPublish, TargetsPublish } from '../shared/hub/rules-messages';
import { refuse, type AppliedAnswers, type Outcome } from './applied-answers';
import type { AuditLog } from './audit';
import type { EventLog } from './event-log';
import type { PersonAuth } from './person-auth';
import type { HubStore } from './store/store';

/** What the hub checks a published table against, and what version 0 is. */
export interface HubRules {
  reference: RulesReference;
  defaults: { routing: RoutingTable; targets: TargetsTable };
}

type PublishAck = Outcome<{ version: number; seq: number }>;

interface VersionRow {
  version: number;
  at: number;
  person_id: string;
  person: string;
  desk: string;
  reason: string;
}

export function createRulesOperations(
  db: HubStore,
  eventLog: EventLog,
  once: AppliedAnswers['once'],
  now: () => number,
  auth: PersonAuth,
  audit: AuditLog,
  rules: HubRules,
) {
  const latest = db.prepare<[string], { version: number; body: string }>(
    'SELECT version, body FROM rules_versions WHERE kind = ? ORDER BY version DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO rules_versions (kind, version, body, at, person_id, person, desk, reason, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const versions = db.prepare<[string, number], VersionRow>(
    `SELECT version, at, person_id, person, desk, reason FROM rules_versions
     WHERE kind = ? ORDER BY version DESC LIMIT ?`,
  );

  /** The targets in force, read once per publication (this hub is their only writer). */
  let targets: { version: number; table: TargetsTable } | undefined;

  function publish<T extends RoutingTable | TargetsTable>(
    kind: RulesKind,
    who: TokenEntry,
    msg: {
      publishId: string;
      expectedVersion: number;
      table: T;
      reason: string;
      personToken: string;
      actor: z.output<typeof RoutingPublish>['actor'];
    },
    check: (table: T) => RulesProblem | null,
    event: (version: number, at: number) => Omit<HubEvent, 'seq'>,
  ): PublishAck {
    return once(`${kind}.publish`, who, msg.publishId, () => {
      const supervisor = auth.requireSupervisor(msg.personToken);
      if (!supervisor.ok) return refuse(supervisor.code, supervisor.message);
      const current = latest.get(kind)?.version ?? 0;
      if (msg.expectedVersion !== current) {
        return refuse(
          'rules.version_conflict',
          `the ${kind} table is at version ${current}, not ${msg.expectedVersion}: another supervisor published first; reload it and make the change again`,
        );
      }
      const problem = check(msg.table);
      if (problem) return refuse(problem.code, problem.message);
      const version = current + 1;
      const at = now();
      if (kind === 'targets') targets = undefined;
      const appended = eventLog.append(event(version, at) as Parameters<EventLog['append']>[0]);
      insert.run(
        kind,
        version,
        JSON.stringify(msg.table),
        at,
        supervisor.account.id,
        supervisor.account.displayName,
        who.id,
        msg.reason,
        appended.seq,
      );
      audit.record({
        at,
        personId: supervisor.account.id,
        person: supervisor.account.displayName,
        action: `${kind}.publish`,
        desk: who.id,
        details: { version, reason: msg.reason },
      });
      return { ack: { ok: true, version, seq: appended.seq }, events: [appended] };
    });
  }

  return {
    publishRouting(who: TokenEntry, msg: z.output<typeof RoutingPublish>): PublishAck {
      return publish(
        'routing',
        who,
        msg,
        (table) => checkRouting(table, rules.reference),
        (version, at) => ({
          type: 'routing.changed',
          at,
          actor: msg.actor,
          version,
          table: msg.table,
          reason: msg.reason,
        }),
      );
    },

    publishTargets(who: TokenEntry, msg: z.output<typeof TargetsPublish>): PublishAck {
      return publish(
        'targets',
        who,
        msg,
        (table) => checkTargets(table, rules.reference),
        (version, at) => ({
          type: 'targets.changed',
          at,
          actor: msg.actor,
          version,
          table: msg.table,
          reason: msg.reason,
        }),
      );
    },

    /** The versions published, newest first. */
    history(kind: RulesKind, limit: number): RulesVersionEntry[] {
      return versions.all(kind, limit).map((r) => ({
        version: r.version,
        at: r.at,
        personId: r.person_id,
        person: r.person,
        desk: r.desk,
        reason: r.reason,
      }));
    },

    /** The targets in force now: the latest published version, or the files' (version 0). */
    currentTargets(): { version: number; table: TargetsTable } {
      if (targets) return targets;
      const row = latest.get('targets');
      targets = row
        ? { version: row.version, table: JSON.parse(row.body) as TargetsTable }
        : { version: 0, table: rules.defaults.targets };
      return targets;
    },
  };
}

export type RulesOperations = ReturnType<typeof createRulesOperations>;
