/**
 * The report's settings from resources/data: the shift schedule (shifts.json) and the
 * center's name (center.json), validated when read. A file that is wrong stops with a
 * message naming the file and the field, as the other reference files do; a data folder
 * from before these files existed gets the defaults.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_SCHEDULE,
  scheduleFrom,
  ShiftsFile,
  type ShiftSchedule,
} from '../../../shared/domain/shift';

export const CenterFile = z
  .object({ city: z.string().min(1).max(120), center: z.string().min(1).max(120) })
  .strict();
export type CenterFile = z.infer<typeof CenterFile>;

function readJson<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

const DEFAULT_CENTER: CenterFile = {
  city: 'Kota Madiun',
  center: 'Command Center 112 Kota Madiun',
};

export function readShiftSchedule(dataDir: string): ShiftSchedule {
  const file = path.join(dataDir, 'shifts.json');
  return fs.existsSync(file) ? scheduleFrom(readJson(file, ShiftsFile)) : DEFAULT_SCHEDULE;
}

export function readCenter(dataDir: string): CenterFile {
  const file = path.join(dataDir, 'center.json');
  return fs.existsSync(file) ? readJson(file, CenterFile) : DEFAULT_CENTER;
}
