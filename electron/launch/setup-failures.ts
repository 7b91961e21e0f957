/**
 * Remembered setup failures (DESIGN §3: "once; a failure is remembered so later starts do
 * not wait"): when fetching Electron or its better-sqlite3 build fails, the reason is kept
 * in the data dir, keyed by what was tried, and later starts go straight to the browser
 * host. A new Electron or better-sqlite3 version is tried afresh; deleting the file retries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const SetupStep = z.enum(['electron-binary', 'electron-sqlite']);
export type SetupStep = z.infer<typeof SetupStep>;

const Failure = z.object({ key: z.string(), reason: z.string(), at: z.number() });
export type SetupFailure = z.infer<typeof Failure>;
const Failures = z.partialRecord(SetupStep, Failure);

export const setupFailuresFile = (dataDir: string): string =>
  path.join(dataDir, 'desktop', 'setup-failures.json');

function readAll(dataDir: string): z.infer<typeof Failures> {
  try {
    const parsed = Failures.safeParse(
      JSON.parse(fs.readFileSync(setupFailuresFile(dataDir), 'utf8')),
    );
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function rememberedFailure(
  dataDir: string,
  step: SetupStep,
  key: string,
): SetupFailure | undefined {
  const failure = readAll(dataDir)[step];
  return failure?.key === key ? failure : undefined;
}

export function rememberFailure(dataDir: string, step: SetupStep, failure: SetupFailure): void {
  const file = setupFailuresFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...readAll(dataDir), [step]: failure }, null, 2)}\n`);
}
