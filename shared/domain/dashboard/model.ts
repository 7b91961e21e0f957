/**
 * The supervisor's dashboard as the hub pushes it and the screen shows it: per OPD, per
 * desk, today by hour and the OPDs ranked by their medians. One schema for the hub's
 * `dashboard` message and the console's `dashboard.*` calls and events.
 */
import { z } from 'zod';
import { Disposition } from '../case';
import dashboardSettings from '../../../resources/data/dashboard.json' with { type: 'json' };

/** resources/data/dashboard.json: the least count a median is shown and ranked from. */
export const DashboardSettings = z.object({
  note: z.string().optional(),
  minCountForMedian: z.number().int().min(1).max(1000),
});
export const MIN_COUNT_FOR_MEDIAN = DashboardSettings.parse(dashboardSettings).minCountForMedian;

const Count = z.number().int().nonnegative();
const Ms = z.number().int().nonnegative();
const At = z.number().int();

/** The OPD's inbox watch: `unwatched` and `phone` are alarms; `phone` outside its hours. */
export const OpdWatch = z.enum([
  /** Someone has the inbox open. */
  'watched',
  /** Nobody has it open, and nothing waits: no alarm. */
  'idle',
  /** Open dispatches, inbox hours, nobody watching: an alarm. */
  'unwatched',
  /** Open dispatches outside the inbox hours (or an OPD without inbox): phone its duty number. */
  'phone',
  /** Open dispatches within its hours, and this desk cannot see the inboxes (hub away). */
  'unknown',
]);
export type OpdWatch = z.infer<typeof OpdWatch>;

export const OpdRow = z.object({
  opdId: z.string(),
  short: z.string(),
  dutyPhone: z.string().nullable(),
  usesInbox: z.boolean(),
  open: Count,
  /** When the oldest open dispatch was queued. */
  oldestAt: At.nullable(),
  atRisk: Count,
  breached: Count,
  /** Today's dispatches to this OPD (what its medians are taken over). */
  today: Count,
  /** Medians today; null below the minimum count. */
  medianAcceptMs: Ms.nullable(),
  medianResolveMs: Ms.nullable(),
  acceptCount: Count,
  resolveCount: Count,
  lastAction: z.object({ at: At, status: z.string() }).nullable(),
  watchers: Count,
  watch: OpdWatch,
});
export type OpdRow = z.infer<typeof OpdRow>;

export const DeskRow = z.object({
  deskId: z.string(),
  online: z.boolean(),
  /** Who is signed in at the desk (names), none when nobody is. */
  people: z.array(z.string()),
  callsThisShift: Count,
  onCall: z.boolean(),
});
export type DeskRow = z.infer<typeof DeskRow>;

export const RankedOpd = z.object({
  opdId: z.string(),
  short: z.string(),
  medianMs: Ms,
  count: Count,
});

export const Dashboard = z.object({
  /** When it was computed (hub time, or the desk's in a partial one). */
  at: At,
  /** The hub's clock when it sent these figures (none in a desk's partial ones). */
  emittedAt: At.optional(),
  /** The WIB day it covers: the UTC instant that day began. */
  dayStart: At,
  /** Partial: computed by a desk from its own replica while the hub is unreachable. */
  partial: z.boolean(),
  /** The hub's latest event seq folded in (0 when unknown); tags each update. */
  seq: Count,
  opds: z.array(OpdRow),
  desks: z.array(DeskRow),
  /** 24 WIB hours; per hour the calls by disposition. */
  callsByHour: z.array(z.partialRecord(Disposition, Count)).length(24),
  /** 24 WIB hours; per hour the new cases by category id. */
  casesByHour: z.array(z.record(z.string(), Count)).length(24),
  rankAccept: z.array(RankedOpd),
  rankResolve: z.array(RankedOpd),
  minCountForMedian: z.number().int().positive(),
});
export type Dashboard = z.infer<typeof Dashboard>;
