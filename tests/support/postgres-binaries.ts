/**
 * Where the PostgreSQL server binaries are, which OS user runs them, and how to tell when a
 * server's processes are gone. PostgreSQL refuses to run as root, so under root every binary
 * is spawned as the `postgres` OS user. Starts nothing itself: tests/support/postgres.ts does.
 */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The tools a throwaway server needs, all from one bin dir (one PostgreSQL version). */
const TOOLS = ['initdb', 'postgres', 'pg_dump', 'pg_restore'] as const;
export type PgTool = (typeof TOOLS)[number];

export interface PgUser {
  name: string;
  uid: number;
  gid: number;
}

export type PgErrorCode =
  | 'unavailable'
  | 'initdb-failed'
  | 'start-failed'
  | 'not-running'
  | 'already-running'
  | 'tool-failed'
  | 'bad-name';

/** A failure of the throwaway server, with a code and a message that says what to look at. */
export class PostgresError extends Error {
  constructor(
    readonly code: PgErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PostgresError';
  }
}

const hasTools = (dir: string) =>
  TOOLS.every((tool) => {
    try {
      fs.accessSync(path.join(dir, tool), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

/** Installed versions under /usr/lib/postgresql, highest first ("15" above "9.6"). */
function debianBinDirs(): string[] {
  let versions: string[];
  try {
    versions = fs.readdirSync('/usr/lib/postgresql').filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    return [];
  }
  return versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join('/usr/lib/postgresql', v, 'bin'));
}

function pgConfigBinDir(): string | undefined {
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/** SIGAP_PG_BIN first, then the highest /usr/lib/postgresql/<version>/bin, then pg_config. */
function findBinDir(): { binDir: string } | { reason: string } {
  const fromEnv = process.env.SIGAP_PG_BIN;
  if (fromEnv) {
    return hasTools(fromEnv)
      ? { binDir: fromEnv }
      : { reason: `SIGAP_PG_BIN=${fromEnv} does not hold ${TOOLS.join(', ')}` };
  }
  const found = [...debianBinDirs(), pgConfigBinDir()].find((d) => d !== undefined && hasTools(d));
  return found
    ? { binDir: found }
    : {
        reason:
          "no PostgreSQL server binaries found (initdb, postgres): install Debian's postgresql " +
          'package; .ci/run does (or set SIGAP_PG_BIN to their directory)',
      };
}

/** The `postgres` OS user, from the system's user database. */
function lookUpUser(name: string): PgUser | undefined {
  const r = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  let line = r.status === 0 ? r.stdout.trim() : undefined;
  if (!line) {
    try {
      line = fs
        .readFileSync('/etc/passwd', 'utf8')
        .split('\n')
        .find((l) => l.startsWith(`${name}:`));
    } catch {
      return undefined;
    }
  }
  const fields = line?.split(':');
  if (!fields || fields.length < 4) return undefined;
  return { name, uid: Number(fields[2]), gid: Number(fields[3]) };
}

export interface PgSetup {
  binDir: string;
  /** Set when this process runs as root: the user every PostgreSQL binary runs as. */
  user: PgUser | undefined;
}

let setup: PgSetup | { reason: string } | undefined;

function resolveSetup(): PgSetup | { reason: string } {
  const bins = findBinDir();
  if ('reason' in bins) return bins;
  if (process.getuid?.() !== 0) return { binDir: bins.binDir, user: undefined };
  const user = lookUpUser('postgres');
  return user
    ? { binDir: bins.binDir, user }
    : { reason: 'running as root and there is no `postgres` OS user to run the server as' };
}

/** The binaries and the user to run them as, or why PostgreSQL tests cannot run here. */
export function pgSetup(): PgSetup | { reason: string } {
  setup ??= resolveSetup();
  return setup;
}

/** The reason PostgreSQL tests must skip on this machine, or undefined when they can run. */
export function postgresUnavailable(): string | undefined {
  const s = pgSetup();
  return 'reason' in s ? s.reason : undefined;
}

/**
 * A directory for a server's files that the server's user can reach: the system temp dir,
 * or /tmp when running as root and some parent of the temp dir is closed to other users.
 */
export function serverTempDir(user: PgUser | undefined): string {
  let base = os.tmpdir();
  if (user) {
    for (let dir = base; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if ((fs.statSync(dir).mode & 0o001) === 0) base = '/tmp';
    }
  }
  const dir = fs.mkdtempSync(path.join(base, 'sigap-pg-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  return dir;
}

/**
 * Spawns one PostgreSQL binary as the server's user, with a clean environment: no PG*
 * variables from the caller, HOME in the server's temp dir, the C locale.
 */
export function spawnPg(
  s: PgSetup,
  tool: PgTool,
  args: string[],
  home: string,
  stdio: StdioOptions,
  detached = false,
): ChildProcess {
  return spawn(path.join(s.binDir, tool), args, {
    cwd: home,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LC_ALL: 'C', LANG: 'C' },
    stdio,
    detached,
    ...(s.user ? { uid: s.user.uid, gid: s.user.gid } : {}),
  });
}

/**
 * Whether any live process of process group `pgid` remains. A killed postmaster's children
 * end on their own; zombies do not count (a container's init may never reap them).
 */
export function groupAlive(pgid: number): boolean {
  if (!fs.existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces, so read after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state !== 'Z' && Number(pgrp) === pgid) return true;
  }
  return false;
}
