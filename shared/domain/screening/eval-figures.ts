/**
 * The screening figures of `npm run eval:screening` (issue 13), scored against each call's
 * true label: F is the calls flagged as likely iseng when the number was entered.
 *   precision            = |F ∩ {prank, abusive}| / |F|   (1 when nothing is flagged)
 *   recall_repeat        = |F ∩ R| / |R|, R = prank calls whose number had an earlier prank
 *                          or abusive call                  (1 when R is empty)
 *   genuine_flagged      = |F ∩ genuine|, and its rate over all genuine calls
 *   genuine_hidden       = genuine calls not stored as a case, or refused at save
 */
import type { EvalLabel } from './eval-log';

export interface EvalOutcome {
  label: EvalLabel;
  /** The number's key (normalized where it reads as one), or null when withheld. */
  number: string | null;
  flagged: boolean;
  /** For a genuine call: a case holds it after the replay. */
  storedAsCase: boolean;
}

export interface EvalFigures {
  calls: number;
  flagged: number;
  precision: number;
  recall_repeat: number;
  repeat_pranks: number;
  genuine: number;
  genuine_flagged: number;
  genuine_flagged_rate: number;
  genuine_hidden: number;
}

const ratio = (n: number, d: number, empty: number) => (d === 0 ? empty : n / d);

/** `outcomes` in the order the calls were replayed (by start). */
export function scoreEval(outcomes: readonly EvalOutcome[]): EvalFigures {
  const pranked = new Set<string>();
  let flagged = 0;
  let flaggedPranks = 0;
  let repeat = 0;
  let repeatFlagged = 0;
  let genuine = 0;
  let genuineFlagged = 0;
  let hidden = 0;
  for (const o of outcomes) {
    const prankLike = o.label === 'prank' || o.label === 'abusive';
    if (o.flagged) flagged++;
    if (o.flagged && prankLike) flaggedPranks++;
    if (o.label === 'prank' && o.number !== null && pranked.has(o.number)) {
      repeat++;
      if (o.flagged) repeatFlagged++;
    }
    if (o.label === 'genuine') {
      genuine++;
      if (o.flagged) genuineFlagged++;
      if (!o.storedAsCase) hidden++;
    }
    if (prankLike && o.number !== null) pranked.add(o.number);
  }
  return {
    calls: outcomes.length,
    flagged,
    precision: ratio(flaggedPranks, flagged, 1),
    recall_repeat: ratio(repeatFlagged, repeat, 1),
    repeat_pranks: repeat,
    genuine,
    genuine_flagged: genuineFlagged,
    genuine_flagged_rate: ratio(genuineFlagged, genuine, 0),
    genuine_hidden: hidden,
  };
}
