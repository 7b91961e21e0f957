/**
 * The numbers behind the prank likelihood (DESIGN §2 "Prank screening"): weights, thresholds
 * and windows. They live in resources/data/screening.json under `likelihood`, validated here
 * when loaded, so a center tunes them without touching code. Other keys of that file (soft
 * blocks, retention) have their own schemas.
 */
import { z } from 'zod';

const Weight = z.number().min(-5).max(5);
const Count = z.number().int().min(1).max(1000);

export const LikelihoodRules = z
  .object({
    /** A score at or above `watch` is shown as "perhatikan", at or above `flag` as "kemungkinan iseng". */
    levels: z.object({ watch: z.number().positive(), flag: z.number().positive() }).strict(),
    /** Earlier prank or abusive calls of this number. */
    history: z
      .object({
        /** Weight of the share of earlier calls that were prank or abusive (0…1 times this). */
        shareWeight: Weight,
        /** Added per earlier prank or abusive call, up to `prankCap` of them. */
        perPrank: Weight,
        prankCap: Count,
        /** Per earlier call that became a case (a genuine report), up to `genuineCap`: weighs against. */
        perGenuine: Weight,
        genuineCap: Count,
      })
      .strict(),
    /** The last prank or abusive call was recent. */
    lastPrank: z
      .object({
        withinHours: z
          .number()
          .positive()
          .max(24 * 365),
        weight: Weight,
      })
      .strict(),
    /** `calls` calls (this one included, silent ones not) within `minutes`. */
    burst: z
      .object({
        calls: z.number().int().min(2).max(100),
        minutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
        weight: Weight,
      })
      .strict(),
    /** The number has an open case of its own: people call again about a real emergency. */
    openCase: z.object({ weight: Weight }).strict(),
    number: z.object({ withheld: Weight, malformed: Weight }).strict(),
    /** An active soft block set by a supervisor, or automatically after repeated pranks. */
    block: z.object({ manual: Weight, autoPrank: Weight }).strict(),
    /** What the operator ticks during the call (no voice feeds the silent-call signal instead). */
    ticks: z.object({ laughter: Weight, children: Weight, abuse: Weight }).strict(),
    /** "Panggilan kosong berulang": `calls` earlier silent calls within `hours`. */
    silent: z
      .object({
        calls: Count,
        hours: z
          .number()
          .positive()
          .max(24 * 30),
      })
      .strict(),
  })
  .strict()
  .refine((r) => r.levels.watch < r.levels.flag, {
    message: 'levels.watch must be below levels.flag',
    path: ['levels'],
  });
export type LikelihoodRules = z.infer<typeof LikelihoodRules>;

/** The part of resources/data/screening.json this schema owns; other keys are read elsewhere. */
export const ScreeningFile = z.object({ likelihood: LikelihoodRules });
