/**
 * The center's rules that supervisors edit (issue #14): the routing table and the category
 * targets. Each is published at the hub as a whole table with a version number; version 0
 * is what resources/data ships (routing.json, categories.json) until someone publishes.
 * Here: the tables' shapes, the defaults read from the files' contents, and the checks a
 * table must pass against the reference data. Pure: no I/O.
 */
import { z } from 'zod';
import { Identifier } from '../hub/protocol';
import { AtRiskShare, CategoryClocks, DEFAULT_AT_RISK_SHARE } from './clocks/rules';
import { RoutingRule } from './routing';

export const RulesKind = z.enum(['routing', 'targets']);
export type RulesKind = z.infer<typeof RulesKind>;

/** A publication's reason, as the history lists it. */
export const RulesReason = z.string().trim().min(1).max(300);
export const RulesVersion = z.number().int().nonnegative();

/** The whole routing table: category (optionally kecamatan) → the OPDs to suggest. */
export const RoutingTable = z.object({ rules: z.array(RoutingRule).min(1).max(500) }).strict();
export type RoutingTable = z.infer<typeof RoutingTable>;

/** One category's targets: its minutes to resolve (absent: not measured) and its clocks. */
export const CategoryTargets = z
  .object({
    categoryId: Identifier,
    resolveTargetMin: z
      .number()
      .int()
      .positive()
      .max(7 * 24 * 60)
      .optional(),
    clocks: CategoryClocks,
  })
  .strict();
export type CategoryTargets = z.infer<typeof CategoryTargets>;

/** Every category's targets and the share of a target after which a clock is at risk. */
export const TargetsTable = z
  .object({ atRiskShare: AtRiskShare, categories: z.array(CategoryTargets).min(1).max(300) })
  .strict();
export type TargetsTable = z.infer<typeof TargetsTable>;

/** Codes of a table refused against the reference data (the hub's error codes too). */
export const RULES_ERROR_CODES = [
  /** Another supervisor published first: reload the current table and edit that. */
  'rules.version_conflict',
  'rules.unknown_category',
  'rules.unknown_kecamatan',
  'rules.unknown_opd',
  /** Two rules for the same category and kecamatan, or the same OPD twice in one rule. */
  'rules.duplicate',
  /** Targets out of order (accepting after resolving, closing before following up…). */
  'rules.targets_order',
] as const;
export type RulesErrorCode = (typeof RULES_ERROR_CODES)[number];

export interface RulesProblem {
  code: RulesErrorCode;
  message: string;
}

/** The ids a published table may name: the center's reference data. */
export interface RulesReference {
  categoryIds: ReadonlySet<string>;
  kecamatanIds: ReadonlySet<string>;
  opdIds: ReadonlySet<string>;
}

/** Why a routing table cannot be published, or null when it can. */
export function checkRouting(table: RoutingTable, ref: RulesReference): RulesProblem | null {
  const seen = new Set<string>();
  for (const [i, rule] of table.rules.entries()) {
    const where = `rule ${i + 1}`;
    if (!ref.categoryIds.has(rule.categoryId))
      return {
        code: 'rules.unknown_category',
        message: `${where}: no category ${rule.categoryId}`,
      };
    if (rule.kecamatanId !== undefined && !ref.kecamatanIds.has(rule.kecamatanId))
      return {
        code: 'rules.unknown_kecamatan',
        message: `${where}: no kecamatan ${rule.kecamatanId}`,
      };
    const unknown = rule.opdIds.find((id) => !ref.opdIds.has(id));
    if (unknown) return { code: 'rules.unknown_opd', message: `${where}: no OPD ${unknown}` };
    if (new Set(rule.opdIds).size !== rule.opdIds.length)
      return { code: 'rules.duplicate', message: `${where}: an OPD is named twice` };
    const key = `${rule.categoryId}|${rule.kecamatanId ?? ''}`;
    if (seen.has(key))
      return {
        code: 'rules.duplicate',
        message: `${where}: ${rule.categoryId}${rule.kecamatanId ? ` in ${rule.kecamatanId}` : ''} has a rule already`,
      };
    seen.add(key);
  }
  return null;
}

/** Why a targets table cannot be published, or null when it can. */
export function checkTargets(table: TargetsTable, ref: RulesReference): RulesProblem | null {
  const seen = new Set<string>();
  for (const t of table.categories) {
    if (!ref.categoryIds.has(t.categoryId))
      return { code: 'rules.unknown_category', message: `no category ${t.categoryId}` };
    if (seen.has(t.categoryId))
      return { code: 'rules.duplicate', message: `${t.categoryId} is listed twice` };
    seen.add(t.categoryId);
    const e = t.clocks.emergency;
    if (e && e.dispatchMin + e.acceptMin > (t.resolveTargetMin ?? Infinity))
      return {
        code: 'rules.targets_order',
        message: `${t.categoryId}: sending and accepting take longer than the target to resolve`,
      };
    const l = t.clocks.lapor;
    if (l && !(l.forwardDays <= l.followUpDays && l.followUpDays <= l.closeDays))
      return {
        code: 'rules.targets_order',
        message: `${t.categoryId}: working days must run forward ≤ follow-up ≤ close`,
      };
  }
  return null;
}

/** Version 0 of the targets: what categories.json lists. */
export function targetsFromCategories(file: {
  atRiskShare?: number | undefined;
  categories: ReadonlyArray<{ id: string; resolveTargetMin?: number; clocks?: CategoryClocks }>;
}): TargetsTable {
  return {
    atRiskShare: file.atRiskShare ?? DEFAULT_AT_RISK_SHARE,
    categories: file.categories.map((c) => ({
      categoryId: c.id,
      ...(c.resolveTargetMin !== undefined ? { resolveTargetMin: c.resolveTargetMin } : {}),
      clocks: c.clocks ?? {},
    })),
  };
}

/** One published version as the history lists it. */
export const RulesVersionEntry = z.object({
  version: RulesVersion,
  at: z.number().int().nonnegative(),
  personId: z.string().max(64),
  person: z.string().max(120),
  desk: z.string().max(64),
  reason: z.string().max(300),
});
export type RulesVersionEntry = z.infer<typeof RulesVersionEntry>;
