/**
 * The report's settings from resources/data: the shift schedule (shifts.json) and the
 * center's name (center.json), validated when read. A file that is missing or wrong stops
 * with a message naming the file and the field, as the other reference files do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { scheduleFrom, ShiftsFile, type ShiftSchedule } from '../../../shared/domain/shift';

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

export function readShiftSchedule(dataDir: string): ShiftSchedule {
  return scheduleFrom(readJson(path.join(dataDir, 'shifts.json'), ShiftsFile));
}

export function readCenter(dataDir: string): CenterFile {
  return readJson(path.join(dataDir, 'center.json'), CenterFile);
}
