/** Screening fixtures for tests: rules with round numbers, and a caller history builder. */
import {
  emptyCounts,
  type CallerHistory,
  type DispositionCounts,
} from '../../shared/domain/screening/history';
import type { LikelihoodRules } from '../../shared/domain/screening/rules';

/** 13:00 WIB, Monday 2 November 2026. */
export const NOW = Date.UTC(2026, 10, 2, 6, 0, 0);

/** Round numbers so each expected weight can be read off the table. */
export const RULES: LikelihoodRules = {
  levels: { watch: 0.5, flag: 1 },
  history: { shareWeight: 0.8, perPrank: 0.25, prankCap: 3, perGenuine: -0.5, genuineCap: 2 },
  lastPrank: { withinHours: 24, weight: 0.2 },
  burst: { calls: 3, minutes: 10, weight: 0.6 },
  openCase: { weight: -0.3 },
  number: { withheld: 0.3, malformed: 0.4 },
  block: { manual: 1, autoPrank: 0.6 },
  ticks: { laughter: 0.5, children: 0.3, abuse: 0.6 },
  silent: { calls: 2, hours: 24 },
};

export function history(
  over: Partial<CallerHistory> & { counts?: Partial<DispositionCounts> } = {},
): CallerHistory {
  const { counts, ...rest } = over;
  return {
    number: '+6281234567890',
    withheld: false,
    malformed: false,
    calls: { ...emptyCounts(), ...counts },
    lastPrankAt: null,
    lastCaseAt: null,
    openCases: 0,
    recent: [],
    block: null,
    ...rest,
  };
}
