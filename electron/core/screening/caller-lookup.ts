/**
 * `caller.lookup`: the caller history and prank likelihood of a number as typed, at core's
 * clock. The console's intake panel and `npm run eval:screening` both come through here.
 * It reads and never writes: a likelihood never blocks saving and never hides a call.
 */
import {
  emptyCounts,
  type ActiveBlock,
  type CallerHistory,
} from '../../../shared/domain/screening/history';
import { likelihood } from '../../../shared/domain/screening/likelihood';
import type { Likelihood } from '../../../shared/domain/screening/reasons';
import type { LikelihoodRules } from '../../../shared/domain/screening/rules';
import type { Tick } from '../../../shared/domain/screening';
import { normalizeNumber } from '../../../shared/domain/phone';
import type { CallerHistoryReads } from '../store/caller-history';

const MINUTE = 60_000;

/** Where an active soft block on a number is read from (the desk's blocks table). */
export interface BlockReads {
  activeBlock(number: string, now: number): ActiveBlock | null;
}

export interface LookupInput {
  number: string;
  withheld: boolean;
  ticks: readonly Tick[];
}

export interface Lookup {
  history: CallerHistory;
  likelihood: Likelihood;
}

export type CallerLookup = (input: LookupInput, now: number) => Lookup;

export function createCallerLookup(
  reads: CallerHistoryReads,
  blocks: BlockReads,
  rules: () => LikelihoodRules,
): CallerLookup {
  return (input, now) => {
    const r = rules();
    const recentFrom = now - Math.max(r.burst.minutes * MINUTE, r.silent.hours * 60 * MINUTE);
    const typed = input.number.trim();
    const checked = input.withheld || typed === '' ? null : normalizeNumber(typed);
    const e164 = checked?.ok ? checked.e164 : null;
    const known = e164 ? reads.read(e164, now, recentFrom) : undefined;
    const history: CallerHistory = {
      number: e164,
      withheld: input.withheld,
      malformed: checked !== null && !checked.ok,
      calls: known?.calls ?? emptyCounts(),
      lastPrankAt: known?.lastPrankAt ?? null,
      lastCaseAt: known?.lastCaseAt ?? null,
      openCases: known?.openCases ?? 0,
      recent: known?.recent ?? [],
      block: e164 ? blocks.activeBlock(e164, now) : null,
    };
    return { history, likelihood: likelihood(history, input.ticks, now, r) };
  };
}
