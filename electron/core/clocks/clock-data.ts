/**
 * The clocks' data, read from resources/data at every start: each category's clocks and
 * targets and the at-risk share (categories.json), and the holiday calendar (calendar.json).
 * A city that corrects a target or adds next year's holidays sees it on the next start.
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

export function loadClockData(resourcesDir: string): ClockData {
  const categories = readJson(path.join(resourcesDir, 'categories.json'), (raw) =>
    CategoriesFile.parse(raw),
  );
  const calendar = workingCalendar(
    readJson(path.join(resourcesDir, 'calendar.json'), (raw) => CalendarFile.parse(raw)),
  );
  const clocks = alarmClocksFor(
    categories.categories,
    categories.atRiskShare ?? DEFAULT_AT_RISK_SHARE,
  );
  const urgencies: Urgency[] = ['darurat', 'non_darurat'];
  const every = categories.categories.flatMap((c) =>
    urgencies.map((u) => clocks.rulesFor(c.id, u)),
  );
  return { calendar, ...clocks, workingDayHorizon: workingDayHorizon(every) };
}
