/**
 * The prank likelihood of a call: every signal's reasons summed into a score, and the score
 * placed on the rules' levels (none / watch / flag). The operator decides; the likelihood
 * never blocks saving a case and never hides a call.
 */
import type { Tick } from '../screening';
import type { CallerHistory } from './history';
import type { Level, Likelihood, Reason } from './reasons';
import type { LikelihoodRules } from './rules';
import {
  burst,
  genuineHistory,
  lastPrank,
  numberShape,
  openCase,
  prankBlock,
  prankHistory,
  prankTicks,
  silentCalls,
} from './signals';

export function levelOf(score: number, rules: LikelihoodRules): Level {
  if (score >= rules.levels.flag) return 'flag';
  if (score >= rules.levels.watch) return 'watch';
  return 'none';
}

export function likelihood(
  history: CallerHistory,
  ticks: readonly Tick[],
  now: number,
  rules: LikelihoodRules,
): Likelihood {
  const reasons: Reason[] = [
    ...prankHistory(history, rules),
    ...lastPrank(history, now, rules),
    ...burst(history, now, rules),
    ...prankBlock(history.block, now, rules),
    ...numberShape(history, rules),
    ...prankTicks(ticks, rules),
    ...genuineHistory(history, rules),
    ...openCase(history, rules),
  ];
  // Rounded so a score read back from JSON places on the same level as the one computed.
  const score = Math.round(reasons.reduce((sum, r) => sum + r.weight, 0) * 1000) / 1000;
  return {
    score,
    level: levelOf(score, rules),
    reasons: reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)),
    silent: silentCalls(history, ticks, now, rules),
  };
}
