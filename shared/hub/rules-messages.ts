/**
 * Hub messages of the center's rules (issue #14): a supervisor publishes a new routing table
 * (`routing.publish`) or new category targets (`targets.publish`), each a whole table made
 * on the version the desk showed (`expectedVersion`), and reads their history. Every desk
 * learns a published version from its event (`routing.changed`, `targets.changed`) through
 * the ordinary sync. Each carries the supervisor's `personToken` (hub/person-auth.ts).
 */
import { z } from 'zod';
import { PersonToken } from '../domain/account';
import { Uuid } from '../domain/case';
import {
  RoutingTable,
  RulesReason,
  RulesVersion,
  RulesVersionEntry,
  TargetsTable,
} from '../domain/center-rules';
import { Actor } from './actor';

const publishOf = <T extends z.ZodType>(table: T) =>
  z
    .object({
      /** Idempotent on this id: a repeat gets the first answer. */
      publishId: Uuid,
      /** The version the supervisor edited; another one at the hub is `rules.version_conflict`. */
      expectedVersion: RulesVersion,
      table,
      reason: RulesReason,
      personToken: PersonToken,
      actor: Actor,
    })
    .strict();

export const RoutingPublish = publishOf(RoutingTable);
export const TargetsPublish = publishOf(TargetsTable);

/** The versions published so far, newest first (version 0, the files, is not listed). */
export const RulesHistory = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    personToken: PersonToken,
    actor: Actor,
  })
  .strict();

/** What `routing.changed` and `targets.changed` carry besides the event's seq, at and actor. */
export const routingChangedBody = {
  type: z.literal('routing.changed'),
  version: RulesVersion.positive(),
  table: RoutingTable,
  reason: z.string().max(300),
};
export const targetsChangedBody = {
  type: z.literal('targets.changed'),
  version: RulesVersion.positive(),
  table: TargetsTable,
  reason: z.string().max(300),
};

const Refused = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string().min(1).max(64), message: z.string().max(2000) }),
});
/** The hub's answer to a publish: the version it made and the event's seq. */
export const RulesPublishAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), version: RulesVersion, seq: z.number().int().positive() }),
  Refused,
]);
/** The hub's answer to a history read. */
export const RulesHistoryAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), versions: z.array(RulesVersionEntry).max(200) }),
  Refused,
]);
