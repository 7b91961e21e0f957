/**
 * One small pure function per screening signal of DESIGN §2. Each reads part of a caller's
 * history (or the number, block, ticks) and the clock, and returns the reasons it finds —
 * none when the signal is quiet. Weights and windows come from the rules; nothing here
 * stores, blocks or hides a call.
 */
import type { Tick } from '../screening';
import type { ActiveBlock, CallerHistory, RecentCall } from './history';
import { prankCalls, totalCalls } from './history';
import type { Reason, SilentReason } from './reasons';
import type { LikelihoodRules } from './rules';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Share of earlier calls that were prank or abusive ("4 dari 5 panggilan sebelumnya iseng"). */
export function prankHistory(h: CallerHistory, rules: LikelihoodRules): Reason[] {
  const pranks = prankCalls(h.calls);
  if (pranks === 0) return [];
  const calls = totalCalls(h.calls);
  const r = rules.history;
  const weight = r.shareWeight * (pranks / calls) + r.perPrank * Math.min(pranks, r.prankCap);
  return [{ code: 'history_pranks', params: { pranks, abusive: h.calls.abusive, calls }, weight }];
}

/**
 * Pranks kept coming after the number's last case: that case (a prank taken for a report,
 * or a household's one real emergency long before) does not vouch for the calls since.
 */
export const prankedSinceCase = (h: CallerHistory): boolean =>
  h.lastPrankAt !== null && (h.lastCaseAt === null || h.lastCaseAt < h.lastPrankAt);

/**
 * Earlier calls that became cases weigh against the flag: this number reports real things —
 * unless it pranked again after its last case.
 */
export function genuineHistory(h: CallerHistory, rules: LikelihoodRules): Reason[] {
  const cases = h.calls.case;
  if (cases === 0 || prankedSinceCase(h)) return [];
  const weight = rules.history.perGenuine * Math.min(cases, rules.history.genuineCap);
  return [{ code: 'genuine_calls', params: { cases }, weight }];
}

/** The last prank was recent (within the rules' hours): "iseng terakhir 40 menit lalu". */
export function lastPrank(h: CallerHistory, now: number, rules: LikelihoodRules): Reason[] {
  if (h.lastPrankAt === null || h.lastPrankAt > now) return [];
  const ago = now - h.lastPrankAt;
  if (ago > rules.lastPrank.withinHours * HOUR) return [];
  return [
    {
      code: 'last_prank',
      params: { minutesAgo: Math.floor(ago / MINUTE), at: h.lastPrankAt },
      weight: rules.lastPrank.weight,
    },
  ];
}

/** Earlier calls within the last `minutes` (inclusive of the window's start), newest first. */
export function callsWithin(recent: readonly RecentCall[], now: number, minutes: number) {
  const from = now - minutes * MINUTE;
  return recent.filter((c) => c.at >= from && c.at <= now);
}

/**
 * N calls in M minutes, this one included; silent calls do not count (they feed the
 * silent-call signal). A number with its own open case is shown the burst but not scored.
 */
export function burst(h: CallerHistory, now: number, rules: LikelihoodRules): Reason[] {
  const { calls, minutes, weight } = rules.burst;
  const spoken = callsWithin(h.recent, now, minutes).filter((c) => c.disposition !== 'silent');
  const count = spoken.length + 1;
  if (count < calls) return [];
  if (h.openCases > 0)
    return [{ code: 'burst_own_case', params: { calls: count, minutes }, weight: 0 }];
  return [{ code: 'burst', params: { calls: count, minutes }, weight }];
}

/**
 * An open case from this number: people call again about a real emergency. Not when the
 * number pranked after its last case.
 */
export function openCase(h: CallerHistory, rules: LikelihoodRules): Reason[] {
  if (h.openCases === 0 || prankedSinceCase(h)) return [];
  return [{ code: 'open_case', params: { cases: h.openCases }, weight: rules.openCase.weight }];
}

/** A withheld number, or one typed that is not a valid number. */
export function numberShape(h: CallerHistory, rules: LikelihoodRules): Reason[] {
  if (h.withheld) return [{ code: 'withheld', params: {}, weight: rules.number.withheld }];
  if (h.malformed) return [{ code: 'malformed', params: {}, weight: rules.number.malformed }];
  return [];
}

/** A block counts only while in force; a block from silent calls is not a prank reason. */
export function activeBlock(block: ActiveBlock | null, now: number): ActiveBlock | null {
  return block && block.until > now ? block : null;
}

export function prankBlock(
  block: ActiveBlock | null,
  now: number,
  rules: LikelihoodRules,
): Reason[] {
  const b = activeBlock(block, now);
  if (!b || b.kind === 'auto_silent') return [];
  return b.kind === 'manual'
    ? [{ code: 'block_manual', params: { until: b.until }, weight: rules.block.manual }]
    : [{ code: 'block_prank', params: { until: b.until }, weight: rules.block.autoPrank }];
}

/** Laughter, children, abuse heard during the call. */
export function prankTicks(ticks: readonly Tick[], rules: LikelihoodRules): Reason[] {
  const out: Reason[] = [];
  const seen = new Set(ticks);
  if (seen.has('laughter'))
    out.push({ code: 'tick_laughter', params: {}, weight: rules.ticks.laughter });
  if (seen.has('children'))
    out.push({ code: 'tick_children', params: {}, weight: rules.ticks.children });
  if (seen.has('abuse')) out.push({ code: 'tick_abuse', params: {}, weight: rules.ticks.abuse });
  return out;
}

/**
 * "Panggilan kosong berulang": earlier silent calls within the window, a block set after
 * silent calls, or no voice heard now. Shown beside the score; it never raises it, because
 * a silent caller may be someone who cannot speak.
 */
export function silentCalls(
  h: CallerHistory,
  ticks: readonly Tick[],
  now: number,
  rules: LikelihoodRules,
): SilentReason[] {
  const out: SilentReason[] = [];
  const { calls, hours } = rules.silent;
  const silent = callsWithin(h.recent, now, hours * 60).filter((c) => c.disposition === 'silent');
  if (silent.length >= calls)
    out.push({ code: 'silent_repeat', params: { calls: silent.length, hours } });
  const b = activeBlock(h.block, now);
  if (b?.kind === 'auto_silent') out.push({ code: 'block_silent', params: { until: b.until } });
  if (ticks.includes('no_voice')) out.push({ code: 'tick_no_voice', params: {} });
  return out;
}
