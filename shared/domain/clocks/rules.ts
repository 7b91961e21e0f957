/**
 * The clocks' targets as data: what a category lists in resources/data/categories.json
 * (`clocks`), the defaults for what it leaves out, and the share of a target after which a
 * running clock is "at risk". Which clocks run on a case is decided here, once.
 */
import { z } from 'zod';
import type { Urgency } from '../reference';

const Minutes = z
  .number()
  .int()
  .positive()
  .max(7 * 24 * 60);
const WorkingDays = z.number().int().positive().max(60);

/**
 * The emergency minutes (DESIGN §2): send and accept. The third, resolve, is the category's
 * `resolveTargetMin` (one place for it), measured only where the city set one.
 */
export const EmergencyTargets = z
  .object({
    /** Dispatched (at the hub) within this many minutes of the call's end. */
    dispatchMin: Minutes.default(2),
    /** Accepted by the OPD within this many minutes of the dispatch. */
    acceptMin: Minutes.default(5),
  })
  .strict();
export type EmergencyTargets = z.output<typeof EmergencyTargets> & {
  /** Resolved by the OPD within this many minutes of the dispatch (absent: not measured). */
  resolveMin?: number;
};

/** The city's own promise: a complaint followed up (an OPD accepted it) within 24 hours. */
export const CityTargets = z
  .object({
    followUpHours: z
      .number()
      .int()
      .positive()
      .max(24 * 14)
      .default(24),
  })
  .strict();
export type CityTargets = z.output<typeof CityTargets>;

/** SP4N-LAPOR!: verified and forwarded, agency follow-up, closed — in working days. */
export const LaporTargets = z
  .object({
    forwardDays: WorkingDays.default(3),
    followUpDays: WorkingDays.default(5),
    closeDays: WorkingDays.default(10),
  })
  .strict();
export type LaporTargets = z.output<typeof LaporTargets>;

/** A category's `clocks` in categories.json: the clocks it runs, each with its targets. */
export const CategoryClocks = z
  .object({
    emergency: EmergencyTargets.optional(),
    city: CityTargets.optional(),
    lapor: LaporTargets.optional(),
  })
  .strict();
export type CategoryClocks = z.output<typeof CategoryClocks>;

/** A running clock at or past this share of its target is "at risk". */
export const DEFAULT_AT_RISK_SHARE = 0.75;
export const AtRiskShare = z.number().gt(0).lt(1);

/** Everything the model needs to read one case's clocks. */
export interface ClockRules {
  atRiskShare: number;
  emergency: EmergencyTargets | null;
  city: CityTargets | null;
  lapor: LaporTargets | null;
}

/**
 * The clocks a case runs, from its category's targets and the case's own urgency (which the
 * operator may have changed from the category's default):
 * - the city's 24 hours run on every case;
 * - the emergency minutes run on a darurat case, and on a non-darurat one whose category
 *   lists them (a street light out: fixed within 10 minutes);
 * - the SP4N-LAPOR! working days run on every case that is not darurat, never on one that is.
 * Targets a category leaves out (or a category this desk does not know) take the defaults.
 */
export function clockRulesFor(
  category: { clocks?: CategoryClocks; resolveTargetMin?: number } | undefined,
  urgency: Urgency,
  atRiskShare: number = DEFAULT_AT_RISK_SHARE,
): ClockRules {
  const darurat = urgency === 'darurat';
  const clocks = category?.clocks;
  const emergency = clocks?.emergency ?? (darurat ? EmergencyTargets.parse({}) : null);
  const resolveMin = category?.resolveTargetMin;
  return {
    atRiskShare,
    emergency: emergency && (resolveMin !== undefined ? { ...emergency, resolveMin } : emergency),
    city: clocks?.city ?? CityTargets.parse({}),
    lapor: darurat ? null : (clocks?.lapor ?? LaporTargets.parse({})),
  };
}
