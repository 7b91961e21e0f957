/**
 * A seeded generator of labeled 112 call logs for `npm run eval:screening`, with the traps a
 * real line has: genuine callers phoning again about their own report, a household phone
 * with a prank history later reporting a real emergency, a genuine silent call followed by a
 * spoken one, withheld genuine callers, pranksters who change numbers, bursts after school
 * hours and at weekends, ghost (silent) numbers, and a few mislabeled calls. The same seed
 * always gives the same log.
 */
import { seededRandom, type Random } from '../../electron/core/seed/random';
import type { Tick } from '../../shared/domain/screening';
import type { EvalLabel } from '../../shared/domain/screening/eval-log';

export interface GenerateOptions {
  days: number;
  seed: number;
  /** First day, 00:00 WIB, as UTC epoch ms (default 1 November 2026). */
  start?: number;
}

export interface LogLine {
  id: string;
  number: string | null;
  start: string;
  end: string;
  desk: string;
  ticks: Tick[];
  label: EvalLabel;
  disposition?: EvalLabel;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WIB = 7 * HOUR;
const DEFAULT_START = Date.UTC(2026, 10, 1) - WIB;

interface Draft {
  at: number;
  seconds: number;
  number: string | null;
  label: EvalLabel;
  ticks: Tick[];
  disposition?: EvalLabel;
}

/** "2026-11-01T13:05:00+07:00": the instant written in WIB, as a 112 log would. */
export function wibIso(at: number): string {
  return `${new Date(at + WIB).toISOString().slice(0, 19)}+07:00`;
}

function numbers(r: Random) {
  const used = new Set<string>();
  return (): string => {
    for (;;) {
      const n = r.chance(0.12)
        ? `+62351${r.int(400000, 899999)}` // Madiun landline
        : `+628${r.pick(['12', '13', '21', '22', '52', '53', '57', '58', '77', '78', '95', '96'])}${r.int(10000000, 99999999)}`;
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
}

/** A time of day (ms after 00:00 WIB) drawn from hours weighted as `weights` (24 values). */
function hourOf(r: Random, weights: readonly number[]): number {
  const hour = r.weighted(weights.map((w, h) => [h, w] as const));
  return hour * HOUR + r.int(0, HOUR - 1);
}

const DAYTIME = [1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 6, 6, 6, 6, 6, 6, 5, 5, 4, 3, 2, 1];
const ANYTIME = [3, 3, 3, 3, 3, 3, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 3];

export function generateLog(options: GenerateOptions): LogLine[] {
  const r = seededRandom(options.seed);
  const start = options.start ?? DEFAULT_START;
  const fresh = numbers(r);
  const out: Draft[] = [];
  const push = (d: Draft) => out.push(d);
  const weekend = (day: number) => {
    const dow = new Date(start + day * DAY + WIB).getUTCDay();
    return dow === 0 || dow === 6;
  };
  const returning: string[] = []; // people who made a genuine report before

  // Pranksters: a number each, active after school on weekdays and through weekend days.
  const pranksters = Array.from({ length: Math.max(6, Math.round(options.days * 0.8)) }, () => ({
    number: fresh(),
    activity: r.next() * 0.35 + 0.05,
    abusive: r.chance(0.2),
    kids: r.chance(0.7),
    switched: false,
  }));
  // Ghost numbers: faulty handsets and pocket dials, silent calls in clusters.
  const ghosts = Array.from({ length: Math.max(4, Math.round(options.days * 0.5)) }, () => fresh());

  for (let day = 0; day < options.days; day++) {
    const dayStart = start + day * DAY;
    const we = weekend(day);

    // Genuine reports; a quarter of callers phone again about their own report.
    const reports = r.int(18, 30);
    for (let i = 0; i < reports; i++) {
      const at = dayStart + hourOf(r, DAYTIME);
      const known = returning.length > 0 && r.chance(0.06);
      const number = r.chance(0.1) ? null : known ? r.pick(returning) : fresh();
      push({ at, seconds: r.int(60, 300), number, label: 'genuine', ticks: [] });
      if (number && !known) returning.push(number);
      if (r.chance(0.25)) {
        let t = at;
        for (let k = r.int(1, 3); k > 0; k--) {
          t += r.int(2, 40) * MIN;
          push({
            at: t,
            seconds: r.int(30, 180),
            number,
            label: 'genuine',
            ticks: r.chance(0.1) ? ['children'] : [],
          });
        }
      }
    }

    // A genuine caller whose first call is silent (no signal, cannot speak yet), then speaks.
    if (r.chance(0.35)) {
      const number = fresh();
      const at = dayStart + hourOf(r, ANYTIME);
      push({
        at,
        seconds: r.int(5, 25),
        number,
        label: 'genuine',
        disposition: 'silent',
        ticks: ['no_voice'],
      });
      push({
        at: at + r.int(1, 6) * MIN,
        seconds: r.int(60, 240),
        number,
        label: 'genuine',
        ticks: [],
      });
      returning.push(number);
    }

    // Pranksters in bursts: weekdays after school (13:00–18:00), weekends all day.
    for (const p of pranksters) {
      if (!r.chance(we ? p.activity * 1.6 : p.activity)) continue;
      // After a run of pranks, some switch to a new SIM card.
      if (!p.switched && day > 3 && r.chance(0.08)) {
        p.number = fresh();
        p.switched = true;
      }
      const sessions = r.int(1, we ? 3 : 2);
      for (let s = 0; s < sessions; s++) {
        let t = dayStart + (we ? r.int(8 * 60, 21 * 60) : r.int(13 * 60, 18 * 60)) * MIN;
        for (let k = r.int(1, 5); k > 0; k--) {
          const withheld = r.chance(0.06);
          const label: EvalLabel =
            p.abusive && r.chance(0.5) ? 'abusive' : r.chance(0.05) ? 'silent' : 'prank';
          const ticks: Tick[] =
            label === 'silent'
              ? ['no_voice']
              : label === 'abusive'
                ? r.chance(0.8)
                  ? ['abuse']
                  : []
                : [];
          if (label === 'prank' && r.chance(0.6)) ticks.push('laughter');
          if (label === 'prank' && p.kids && r.chance(0.5)) ticks.push('children');
          push({ at: t, seconds: r.int(8, 70), number: withheld ? null : p.number, label, ticks });
          t += r.int(1, 12) * MIN;
        }
      }
    }

    // Ghost calls: silent clusters from a faulty handset or a pocket, now and then withheld.
    for (let i = r.int(2, 5); i > 0; i--) {
      const number = r.chance(0.12) ? null : r.chance(0.6) ? r.pick(ghosts) : fresh();
      let t = dayStart + hourOf(r, ANYTIME);
      for (let k = r.int(1, 4); k > 0; k--) {
        push({
          at: t,
          seconds: r.int(3, 30),
          number,
          label: 'silent',
          ticks: r.chance(0.7) ? ['no_voice'] : [],
        });
        t += r.int(1, 30) * MIN;
      }
    }

    // Misdials, now and then the same person twice.
    for (let i = r.int(2, 6); i > 0; i--) {
      const number = fresh();
      const at = dayStart + hourOf(r, DAYTIME);
      push({ at, seconds: r.int(5, 20), number, label: 'misdial', ticks: [] });
      if (r.chance(0.1))
        push({
          at: at + r.int(1, 5) * MIN,
          seconds: r.int(5, 20),
          number,
          label: 'misdial',
          ticks: [],
        });
    }

    // A household phone: children prank from it, and later the family reports a real emergency.
    if (r.chance(0.25) && day < options.days - 3) {
      const number = r.chance(0.4) && returning.length > 0 ? r.pick(returning) : fresh();
      for (let k = r.int(1, 3); k > 0; k--) {
        const at = start + (day + r.int(0, 1)) * DAY + r.int(13 * 60, 19 * 60) * MIN;
        push({
          at,
          seconds: r.int(10, 40),
          number,
          label: 'prank',
          ticks: ['children', 'laughter'],
        });
      }
      const later =
        start + (day + r.int(3, Math.max(3, options.days - day - 1))) * DAY + hourOf(r, ANYTIME);
      push({
        at: later,
        seconds: r.int(90, 300),
        number,
        label: 'genuine',
        ticks: r.chance(0.3) ? ['children'] : [],
      });
    }
  }

  // A few calls the operator recorded wrongly.
  for (const d of out) {
    if (d.disposition) continue;
    if (d.label === 'prank' && r.chance(0.03))
      d.disposition = r.pick(['misdial', 'silent'] as const);
    else if (d.label === 'silent' && r.chance(0.02)) d.disposition = 'prank';
    else if (d.label === 'misdial' && r.chance(0.03)) d.disposition = 'prank';
    // A genuine caller brushed off, and a prank taken for a report (its "case" then sits in
    // the number's history).
    else if (d.label === 'genuine' && d.number !== null && r.chance(0.01))
      d.disposition = r.pick(['prank', 'misdial'] as const);
    else if (d.label === 'prank' && r.chance(0.01)) d.disposition = 'genuine';
  }

  const end = start + options.days * DAY;
  return out
    .filter((d) => d.at < end)
    .sort((a, b) => a.at - b.at)
    .map((d, i) => ({
      id: `c${String(i + 1).padStart(6, '0')}`,
      number: d.number,
      start: wibIso(d.at),
      end: wibIso(d.at + d.seconds * 1000),
      desk: `desk-${r.int(1, 4)}`,
      ticks: d.ticks,
      label: d.label,
      ...(d.disposition ? { disposition: d.disposition } : {}),
    }));
}
