/**
 * Console settings from the environment (DESIGN §5): SIGAP_DATA_DIR, SIGAP_HUB_URL,
 * SIGAP_HUB_TOKEN, SIGAP_HUB_CA, SIGAP_PORT, SIGAP_DESK_ID. Bad values stop start-up with a
 * message naming the variable.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { Identifier } from '../../shared/hub/protocol';
import { readHubCa } from './hub/hub-ca';

const Env = z.object({
  SIGAP_DATA_DIR: z.string().min(1).optional(),
  SIGAP_HUB_URL: z.string().min(1).optional(),
  SIGAP_HUB_TOKEN: z.string().min(1).optional(),
  SIGAP_HUB_CA: z.string().min(1).optional(),
  SIGAP_DESK_ID: Identifier.optional(),
  SIGAP_PORT: z.coerce
    .number({ message: 'SIGAP_PORT must be a port number' })
    .int()
    .min(0)
    .max(65535)
    .optional(),
});

export interface ConsoleSettings {
  dataDir: string;
  hubUrl: string | undefined;
  hubToken: string | undefined;
  /** PEM certificates of the CA the hub's certificate must chain to (SIGAP_HUB_CA). */
  hubCa: string | undefined;
  port: number;
  deskId: string;
}

/**
 * Demo mode (SIGAP_DEMO=1, set by `npm start -- --demo`): a desk without accounts gets a
 * demo operator and supervisor instead of asking for the first supervisor.
 */
export const demoMode = (env: NodeJS.ProcessEnv = process.env): boolean => env.SIGAP_DEMO === '1';

/** Where a desk keeps its data when SIGAP_DATA_DIR is not set. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Sigap');
  if (platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', 'Sigap');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'sigap');
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): ConsoleSettings {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const parsed = Env.safeParse(blankToUndefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') ?? 'environment'}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(e.SIGAP_DATA_DIR ?? defaultDataDir()),
    hubUrl: e.SIGAP_HUB_URL,
    hubToken: e.SIGAP_HUB_TOKEN,
    hubCa: e.SIGAP_HUB_CA ? readHubCa(path.resolve(e.SIGAP_HUB_CA)) : undefined,
    port: e.SIGAP_PORT ?? 0,
    deskId: e.SIGAP_DESK_ID ?? 'desk-1',
  };
}
