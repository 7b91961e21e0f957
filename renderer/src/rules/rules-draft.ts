/**
 * The routing table and targets as the screen edits them: text in inputs, turned back into
 * tables to publish, with a problem per row in the person's words when a row cannot be.
 * The hub checks the tables again against the reference data; these checks only spare a
 * round trip for what this desk can already see.
 */
import type {
  CategoryTargets,
  RoutingTable,
  TargetsTable,
} from '../../../shared/domain/center-rules';

/** One rule as the screen edits it: the OPD codes as typed. */
export interface RuleDraft {
  key: number;
  categoryId: string;
  kecamatanId: string;
  opds: string;
}

let keys = 0;
export const ruleDraft = (rule: {
  categoryId: string;
  kecamatanId?: string;
  opdIds: readonly string[];
}): RuleDraft => ({
  key: ++keys,
  categoryId: rule.categoryId,
  kecamatanId: rule.kecamatanId ?? '',
  opds: rule.opdIds.join(', '),
});

export const opdCodes = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);

export type DraftProblem = { key: string; values: Record<string, string | number> };

/** The table to publish, or the first row's problem. */
export function routingFromDrafts(
  drafts: readonly RuleDraft[],
  knownOpds: ReadonlySet<string>,
): { ok: true; table: RoutingTable } | { ok: false; problem: DraftProblem } {
  const rules: RoutingTable['rules'] = [];
  for (const [i, d] of drafts.entries()) {
    const codes = [...new Set(opdCodes(d.opds))];
    if (codes.length === 0)
      return { ok: false, problem: { key: 'rules.noOpd', values: { n: i + 1 } } };
    const unknown = codes.filter((c) => !knownOpds.has(c));
    if (unknown.length > 0)
      return {
        ok: false,
        problem: { key: 'rules.unknownOpd', values: { n: i + 1, codes: unknown.join(', ') } },
      };
    rules.push({
      categoryId: d.categoryId,
      ...(d.kecamatanId ? { kecamatanId: d.kecamatanId } : {}),
      opdIds: codes,
    });
  }
  return { ok: true, table: { rules } };
}

/** The numbers of one category's targets as typed ('' = not set). */
export interface TargetDraft {
  categoryId: string;
  resolveMin: string;
  dispatchMin: string;
  acceptMin: string;
  followUpHours: string;
  forwardDays: string;
  followUpDays: string;
  closeDays: string;
}
export type TargetField = Exclude<keyof TargetDraft, 'categoryId'>;
export const TARGET_FIELDS: readonly TargetField[] = [
  'resolveMin',
  'dispatchMin',
  'acceptMin',
  'followUpHours',
  'forwardDays',
  'followUpDays',
  'closeDays',
];

const str = (n: number | undefined): string => (n === undefined ? '' : String(n));

export function targetDraft(t: CategoryTargets): TargetDraft {
  const { emergency, city, lapor } = t.clocks;
  return {
    categoryId: t.categoryId,
    resolveMin: str(t.resolveTargetMin),
    dispatchMin: str(emergency?.dispatchMin),
    acceptMin: str(emergency?.acceptMin),
    followUpHours: str(city?.followUpHours),
    forwardDays: str(lapor?.forwardDays),
    followUpDays: str(lapor?.followUpDays),
    closeDays: str(lapor?.closeDays),
  };
}

/** The targets to publish, or the first field that is not a positive whole number. */
export function targetsFromDrafts(
  drafts: readonly TargetDraft[],
  atRiskPercent: string,
):
  | { ok: true; table: TargetsTable }
  | { ok: false; problem: { field: TargetField | 'atRisk'; categoryId: string } } {
  const share = Number(atRiskPercent);
  if (!Number.isInteger(share) || share < 1 || share > 99)
    return { ok: false, problem: { field: 'atRisk', categoryId: '' } };
  const categories: CategoryTargets[] = [];
  for (const d of drafts) {
    const n: Partial<Record<TargetField, number>> = {};
    for (const field of TARGET_FIELDS) {
      const text = d[field].trim();
      if (text === '') continue;
      const value = Number(text);
      if (!Number.isInteger(value) || value <= 0)
        return { ok: false, problem: { field, categoryId: d.categoryId } };
      n[field] = value;
    }
    const clocks: CategoryTargets['clocks'] = {};
    if (n.dispatchMin !== undefined || n.acceptMin !== undefined)
      clocks.emergency = { dispatchMin: n.dispatchMin ?? 2, acceptMin: n.acceptMin ?? 5 };
    if (n.followUpHours !== undefined) clocks.city = { followUpHours: n.followUpHours };
    if (n.forwardDays !== undefined || n.followUpDays !== undefined || n.closeDays !== undefined)
      clocks.lapor = {
        forwardDays: n.forwardDays ?? 3,
        followUpDays: n.followUpDays ?? 5,
        closeDays: n.closeDays ?? 10,
      };
    categories.push({
      categoryId: d.categoryId,
      ...(n.resolveMin !== undefined ? { resolveTargetMin: n.resolveMin } : {}),
      clocks,
    });
  }
  return { ok: true, table: { atRiskShare: share / 100, categories } };
}
