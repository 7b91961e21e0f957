/**
 * The clocks' data, read from resources/data at every start: each category's clocks and
 * targets and the at-risk share (categories.json), and the holiday calendar (calendar.json).
 * A city that corrects a target or adds next year's holidays sees it on the next start.
 * Targets a supervisor published at the hub (`published`) take the file's place at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CalendarFile,
  DEFAULT_AT_RISK_SHARE,
  clockRulesFor,
  workingCalendar,
  type CategoryClocks,
  type ClockRules,
  type WorkingCalendar,
} from '../../../shared/domain/clocks';
import type { Urgency } from '../../../shared/domain/reference';
import { CategoriesFile } from '../../../shared/domain/reference';
import type { TargetsTable } from '../../../shared/domain/center-rules';

export interface ClockData {
  calendar: WorkingCalendar;
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

type Targets = ReadonlyMap<string, { clocks?: CategoryClocks; resolveTargetMin?: number }>;

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
  const atRiskShare = categories.atRiskShare ?? DEFAULT_AT_RISK_SHARE;
  const byId: Targets = new Map(categories.categories.map((c) => [c.id, c]));
  // The published table's lookup, made again only when another table is in force.
  let seen: { table: TargetsTable; byId: Targets } | undefined;
  const inForce = (): { byId: Targets; atRiskShare: number } => {
    const table = published();
    if (!table) return { byId, atRiskShare };
    if (seen?.table !== table)
      seen = { table, byId: new Map(table.categories.map((c) => [c.categoryId, c])) };
    return { byId: seen.byId, atRiskShare: table.atRiskShare };
  };
  return {
    calendar,
    rulesFor: (categoryId, urgency) => {
      const now = inForce();
      return clockRulesFor(now.byId.get(categoryId), urgency, now.atRiskShare);
    },
  };
}
