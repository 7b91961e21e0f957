/**
 * The clocks' data, read from resources/data at every start: each category's clocks and
 * targets and the at-risk share (categories.json), and the holiday calendar (calendar.json).
 * A city that corrects a target or adds next year's holidays sees it on the next start.
 * Targets a supervisor published at the hub (`published`) take the file's place at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { workingDayHorizon } from '../../../shared/domain/calendar-alarm';
import { alarmClocksFor, type AlarmClocks } from '../../../shared/domain/call-alarm';
import {
  CalendarFile,
  DEFAULT_AT_RISK_SHARE,
  workingCalendar,
  type ClockRules,
  type WorkingCalendar,
} from '../../../shared/domain/clocks';
import type { Urgency } from '../../../shared/domain/reference';
import { CategoriesFile } from '../../../shared/domain/reference';
import type { TargetsTable } from '../../../shared/domain/center-rules';

export interface ClockData extends AlarmClocks {
  calendar: WorkingCalendar;
  /** How many working days ahead the calendar must be complete (calendar-alarm.ts). */
  workingDayHorizon: number;
  /** The rules a case of this category and urgency runs (defaults for an unknown category). */
  rulesFor(categoryId: string, urgency: Urgency): ClockRules;
}

function readJson<T>(file: string, parse: (raw: unknown) => T): T {
  try {
    return parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const URGENCIES: readonly Urgency[] = ['darurat', 'non_darurat'];

/** How many working days ahead the calendar must be complete for these clocks. */
const horizonOf = (clocks: AlarmClocks, categoryIds: readonly string[]): number =>
  workingDayHorizon(categoryIds.flatMap((id) => URGENCIES.map((u) => clocks.rulesFor(id, u))));

export function loadClockData(
  resourcesDir: string,
  published: () => TargetsTable | undefined = () => undefined,
): ClockData {
  const categories = readJson(path.join(resourcesDir, 'categories.json'), (raw) =>
    CategoriesFile.parse(raw),
  );
  const calendar = workingCalendar(
    readJson(path.join(resourcesDir, 'calendar.json'), (raw) => CalendarFile.parse(raw)),
  );
  const fromFile = alarmClocksFor(
    categories.categories,
    categories.atRiskShare ?? DEFAULT_AT_RISK_SHARE,
  );
  // The published table's clocks, made again only when another table is in force.
  let seen: { table: TargetsTable; clocks: AlarmClocks; horizon: number } | undefined;
  const inForce = (): { clocks: AlarmClocks; horizon: number } => {
    const table = published();
    if (!table) return { clocks: fromFile, horizon: fileHorizon };
    if (seen?.table !== table) {
      const ids = table.categories.map((c) => c.categoryId);
      const clocks = alarmClocksFor(
        table.categories.map((c) => ({ ...c, id: c.categoryId })),
        table.atRiskShare,
      );
      seen = { table, clocks, horizon: horizonOf(clocks, ids) };
    }
    return seen;
  };
  const fileHorizon = horizonOf(
    fromFile,
    categories.categories.map((c) => c.id),
  );
  return {
    calendar,
    rulesFor: (categoryId, urgency) => inForce().clocks.rulesFor(categoryId, urgency),
    get shortest() {
      return inForce().clocks.shortest;
    },
    get workingDayHorizon() {
      return inForce().horizon;
    },
  };
}
