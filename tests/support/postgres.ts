/**
 * A real, throwaway PostgreSQL server for tests and benchmarks: initdb into a fresh temp dir,
 * a free port on 127.0.0.1, fsync and synchronous commit on. The handle stops it, kills it
 * like a crash and starts it again (crash recovery runs), gives each test its own database,
 * and dumps and restores with pg_dump / pg_restore. Nothing outlives the test process.
 *
 * One server per test file, one database per test:
 *   const reason = postgresUnavailable();
 *   describe.skipIf(reason !== undefined)('…', () => {
 *     let server: PostgresServer;
 *     beforeAll(async () => void (server = await startPostgres()));
 *     afterAll(() => server?.stop());
 *     it('…', async () => { const url = await server.createDatabase('t_one'); … });
 *   });
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import {
  groupAlive,
  pgSetup,
  PostgresError,
  serverTempDir,
  spawnPg,
  type PgSetup,
  type PgTool,
} from './postgres-binaries';
import { freePort } from './processes';

export { postgresUnavailable, PostgresError } from './postgres-binaries';

export interface PostgresOptions {
  /** More server settings, each passed as `-c name=value` after the defaults. */
  settings?: Record<string, string>;
  /** How long one start may take before it fails with the server's log (default 60 s). */
  startTimeoutMs?: number;
}

export interface PostgresServer {
  /** The `sigap` database: postgres://postgres@127.0.0.1:PORT/sigap (trust auth). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly binDir: string;
  /** The URL of another database on this server. */
  urlFor(database: string): string;
  /** The postmaster's pid while it runs. */
  pid(): number | undefined;
  /** The server's whole log: every start, in order (a crash's recovery included). */
  log(): string;
  /** Fast shutdown, then removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL of the postmaster, like a crash; the data dir stays. */
  kill(): Promise<void>;
  /** Starts again on the same port and data dir; after kill(), crash recovery runs. */
  start(): Promise<void>;
  /** Fast shutdown and start. */
  restart(): Promise<void>;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Drops a database, ending its connections first. */
  dropDatabase(name: string): Promise<void>;
  /** pg_dump in the custom format of `database` (default `sigap`) into `file`. */
  dump(file: string, database?: string): Promise<void>;
  /** pg_restore of a dump into `intoDb` (created when missing); returns its URL. */
  restore(file: string, intoDb: string): Promise<string>;
}

const LOG_TAIL = 4000;
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Servers of this process, ended on exit; the watchdogs cover deaths that skip exit hooks. */
const live = new Set<{ end(): void }>();
let exitHooked = false;

/** Runs a callback with a connected client and always ends it. */
export async function withClient<T>(url: string, use: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // A server killed under an open client must not take the test process with it.
  client.on('error', () => {});
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function checkName(name: string): string {
  if (!NAME.test(name)) {
    throw new PostgresError(
      'bad-name',
      `database name "${name}" must be 1–63 lowercase letters, digits or _, not starting with a digit`,
    );
  }
  return name;
}

/**
 * Ends the server's process group and removes its temp dir when the test process dies in any
 * way, including ways that run no exit hook (a worker killed by the runner): its stdin is a
 * pipe from this process, which closes when this process is gone.
 */
function startWatchdog(pgid: number, dir: string): ChildProcess {
  const dog = spawn(
    '/bin/sh',
    [
      '-c',
      'read -r line; kill -s KILL -- "-$1" 2>/dev/null; sleep 1; rm -rf -- "$2"',
      'sh',
      String(pgid),
      dir,
    ],
    { detached: true, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  dog.unref();
  (dog.stdin as net.Socket).unref();
  return dog;
}

/** Initialises and starts a throwaway server with an empty `sigap` database. */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const s = pgSetup();
  if ('reason' in s) throw new PostgresError('unavailable', s.reason);
  const root = serverTempDir(s.user);
  try {
    return await initAndStart(s, root, options);
  } catch (e) {
    fs.rmSync(root, { recursive: true, force: true });
    throw e;
  }
}

async function initAndStart(
  s: PgSetup,
  root: string,
  options: PostgresOptions,
): Promise<PostgresServer> {
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'socket');
  const logFile = path.join(root, 'postgres.log');
  fs.mkdirSync(socketDir);
  if (s.user) fs.chownSync(socketDir, s.user.uid, s.user.gid);
  fs.writeFileSync(logFile, '');
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;

  /** Runs a client or setup tool to completion; stdin/stdout may be files. */
  const runTool = (tool: PgTool, args: string[], files: { stdin?: string; stdout?: string } = {}) =>
    new Promise<void>((resolve, reject) => {
      const inFd = files.stdin ? fs.openSync(files.stdin, 'r') : undefined;
      const outFd = files.stdout ? fs.openSync(files.stdout, 'w') : undefined;
      let child: ChildProcess;
      try {
        child = spawnPg(s, tool, args, root, [inFd ?? 'ignore', outFd ?? 'pipe', 'pipe']);
      } finally {
        if (inFd !== undefined) fs.closeSync(inFd);
        if (outFd !== undefined) fs.closeSync(outFd);
      }
      let out = '';
      child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
      child.once('error', (e) =>
        reject(new PostgresError('tool-failed', `${tool} could not run: ${e.message}`)),
      );
      child.once('close', (code) => {
        if (code === 0) resolve();
        else {
          const code_ = tool === 'initdb' ? 'initdb-failed' : 'tool-failed';
          reject(new PostgresError(code_, `${tool} ${args.join(' ')} exited ${code}:\n${out}`));
        }
      });
    });

  await runTool('initdb', [
    ...['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C'],
    // No fsync while initialising a throwaway cluster; the server itself runs with fsync on.
    ...['--no-sync', '--no-instructions'],
  ]);

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    fsync: 'on',
    synchronous_commit: 'on',
    max_connections: '200',
    ...options.settings,
  };
  let port = 0;
  let postmaster: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let lastPgid: number | undefined;
  let dog: ChildProcess | undefined;
  let removed = false;

  const logSince = (from = 0) => fs.readFileSync(logFile).subarray(from).toString('utf8');
  /** The end of the log for an error message (the whole log can be long under load). */
  const logTail = (from: number) => {
    const text = logSince(from);
    return text.length > LOG_TAIL ? `…${text.slice(-LOG_TAIL)}` : text;
  };
  const urlFor = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  /**
   * Waits for the postmaster to exit. It is unref'd so a server left running never holds the
   * test process open; while something waits for it, it must keep the process alive.
   */
  const exit = () => {
    postmaster?.ref();
    return exited;
  };
  const running = () =>
    postmaster !== undefined && postmaster.exitCode === null && postmaster.signalCode === null;

  const killGroup = () => {
    dog?.kill('SIGKILL');
    dog = undefined;
    if (lastPgid === undefined) return;
    try {
      process.kill(-lastPgid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  };

  /** Waits until no process of the last postmaster's group is left (a killed one's children). */
  const drained = async (deadline: number) => {
    while (lastPgid !== undefined && groupAlive(lastPgid)) {
      if (Date.now() > deadline) killGroup();
      await sleep(25);
    }
  };

  /** Spawns the postmaster and waits until it accepts connections. */
  const launch = async () => {
    if (removed) {
      throw new PostgresError('not-running', 'this server was stopped and its files removed');
    }
    if (running()) throw new PostgresError('already-running', `PostgreSQL already runs on ${port}`);
    await drained(Date.now() + 10_000);
    // The last run's watchdog knew its group only; this run gets its own.
    dog?.kill('SIGKILL');
    dog = undefined;
    const from = fs.statSync(logFile).size;
    const logFd = fs.openSync(logFile, 'a');
    const flags = Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
    const child = spawnPg(
      s,
      'postgres',
      ['-D', dataDir, '-p', String(port), '-k', socketDir, ...flags],
      root,
      ['ignore', logFd, logFd],
      // Its own process group, so a crash's surviving children can be found and ended.
      true,
    );
    fs.closeSync(logFd);
    child.unref();
    postmaster = child;
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('error', () => {});
    lastPgid = child.pid;
    if (child.pid !== undefined) dog = startWatchdog(child.pid, root);

    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
        killGroup();
        throw new PostgresError(
          'start-failed',
          `PostgreSQL exited while starting on port ${port}:\n${logTail(from)}`,
        );
      }
      try {
        await withClient(urlFor('postgres'), (c) => c.query('SELECT 1'));
        return;
      } catch {
        // Not accepting connections yet (or still recovering).
      }
      if (Date.now() > deadline) {
        killGroup();
        throw new PostgresError(
          'start-failed',
          `PostgreSQL did not accept connections on port ${port} within ${startTimeoutMs} ms:\n${logTail(from)}`,
        );
      }
      // Each refused attempt adds a line to the log ("the database system is starting up").
      await sleep(100);
    }
  };

  /** Fast shutdown (SIGINT): ends sessions, checkpoints, exits after its children. */
  const shutdown = async () => {
    if (!running()) return;
    postmaster!.kill('SIGINT');
    // A server that ignores fast shutdown for 30 s is ended like a crash.
    const timer = setTimeout(killGroup, 30_000);
    await exit();
    clearTimeout(timer);
    await drained(Date.now() + 10_000);
    dog?.kill('SIGKILL');
    dog = undefined;
  };

  const remove = () => {
    if (removed) return;
    removed = true;
    killGroup();
    fs.rmSync(root, { recursive: true, force: true });
  };
  const entry = { end: remove };
  live.add(entry);
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => live.forEach((e) => e.end()));
  }

  // A port picked free can be taken by another test before the server binds it: retry.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const from = fs.statSync(logFile).size;
    try {
      await launch();
      break;
    } catch (e) {
      const taken = /could not bind|Address already in use/.test(logSince(from));
      if (!taken || attempt >= 5) {
        remove();
        live.delete(entry);
        throw e;
      }
      await exit();
    }
  }
  await withClient(urlFor('postgres'), (c) => c.query('CREATE DATABASE sigap'));

  const dbExists = (name: string) =>
    withClient(urlFor('postgres'), async (c) => {
      const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      return r.rowCount === 1;
    });
  const connArgs = () => ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-w'];
  const createDatabase = async (name: string) => {
    await withClient(urlFor('postgres'), (c) => c.query(`CREATE DATABASE "${checkName(name)}"`));
    return urlFor(name);
  };

  return {
    get url() {
      return urlFor('sigap');
    },
    get port() {
      return port;
    },
    dataDir,
    binDir: s.binDir,
    urlFor,
    pid: () => (running() ? postmaster!.pid : undefined),
    log: () => (removed ? '' : logSince()),
    async stop() {
      if (removed) return;
      await shutdown();
      remove();
      live.delete(entry);
    },
    async kill() {
      if (!running()) throw new PostgresError('not-running', 'PostgreSQL is not running');
      postmaster!.kill('SIGKILL');
      await exit();
    },
    start: launch,
    async restart() {
      await shutdown();
      await launch();
    },
    createDatabase,
    async dropDatabase(name) {
      await withClient(urlFor('postgres'), (c) =>
        c.query(`DROP DATABASE IF EXISTS "${checkName(name)}" WITH (FORCE)`),
      );
    },
    async dump(file, database = 'sigap') {
      // The dump is written through a file descriptor this process opened, so the file may
      // sit where the server's user cannot write.
      await runTool('pg_dump', [...connArgs(), '-Fc', '-d', checkName(database)], {
        stdout: file,
      });
    },
    async restore(file, intoDb) {
      if (!(await dbExists(checkName(intoDb)))) await createDatabase(intoDb);
      await runTool('pg_restore', [...connArgs(), '--exit-on-error', '-d', intoDb], {
        stdin: file,
      });
      return urlFor(intoDb);
    },
  };
}
