/**
 * Console API channels of the center's rules (issue #14), spread into contract.ts: anyone
 * signed in reads the routing table and category targets in force; a supervisor publishes
 * a new version of either through the hub (`hub.offline` without it; the hub's refusals come
 * back as `hub.refused` with its code) and reads their history there.
 */
import { z } from 'zod';
import {
  RoutingTable,
  RulesKind,
  RulesReason,
  RulesVersion,
  RulesVersionEntry,
  TargetsTable,
} from '../domain/center-rules';

/** A table in force: version 0 is the files'; a published one says who, when and why. */
const inForce = <T extends z.ZodType>(table: T) =>
  z.object({
    version: RulesVersion,
    table,
    at: z.number().int().optional(),
    person: z.string().optional(),
    reason: z.string().optional(),
  });

export const rulesContract = {
  /** The routing table and targets this desk uses now, and whether this person may edit them. */
  'rules.get': {
    args: z.object({}).strict(),
    result: z.object({
      routing: inForce(RoutingTable),
      targets: inForce(TargetsTable),
      canEdit: z.boolean(),
    }),
  },
  /** Supervisors: a new routing table, made on `expectedVersion`. */
  'rules.publishRouting': {
    args: z
      .object({ expectedVersion: RulesVersion, table: RoutingTable, reason: RulesReason })
      .strict(),
    result: z.object({ version: RulesVersion }),
  },
  /** Supervisors: new category targets, made on `expectedVersion`. */
  'rules.publishTargets': {
    args: z
      .object({ expectedVersion: RulesVersion, table: TargetsTable, reason: RulesReason })
      .strict(),
    result: z.object({ version: RulesVersion }),
  },
  /** Supervisors: the versions published at the hub, newest first. */
  'rules.history': {
    args: z.object({ kind: RulesKind }).strict(),
    result: z.object({ versions: z.array(RulesVersionEntry) }),
  },
} as const;
