/**
 * The hub side of a fault test's dispatch center: one hub process on its SQLite store, or
 * several hub nodes on one PostgreSQL record (each killed and restarted on its own port,
 * and the PostgreSQL server restarted under them). `recordFile()` gives the record as a
 * SQLite hub store for the agreement checks: the hub's own file, or a copy.
 */
import path from 'node:path';
import { copyPostgresRecord } from './record-copy';
import type { PostgresServer } from './postgres';
import { startHub, type HubProc } from './processes';

export interface HubNodes {
  /** Each node's address, in order (a desk is given them all). */
  readonly urls: string[];
  readonly ports: number[];
  readonly count: number;
  kill(node: number): Promise<void>;
  restart(node: number): Promise<void>;
  /** Whether the node runs now. */
  up(node: number): boolean;
  /** The end of what the node's process printed, for a failing test's report. */
  tail(node: number): string;
  /** The record, as a SQLite hub store file to read. */
  recordFile(): Promise<string>;
  stop(): Promise<void>;
}

export async function startHubNodes(o: {
  root: string;
  tokensFile: string;
  /** Several nodes on this server's `sigap` database; one SQLite hub without it. */
  postgres?: PostgresServer;
  nodes?: number;
}): Promise<HubNodes> {
  const count = o.postgres ? (o.nodes ?? 2) : 1;
  const dirs = Array.from({ length: count }, (_, i) => path.join(o.root, `hub-${i + 1}`));
  const storeArgs = o.postgres ? ['--store', o.postgres.url] : [];
  const procs: Array<HubProc | undefined> = [];
  // One at a time: the first migrates the empty database.
  for (const dir of dirs) procs.push(await startHub(dir, o.tokensFile, 0, storeArgs));
  const ports = procs.map((p) => p!.port);
  const urls = procs.map((p) => p!.url);

  return {
    urls,
    ports,
    count,
    async kill(node) {
      await procs[node]?.stop('SIGKILL');
      procs[node] = undefined;
    },
    async restart(node) {
      procs[node] = await startHub(dirs[node]!, o.tokensFile, ports[node], storeArgs);
    },
    up: (node) => procs[node] !== undefined,
    tail: (node) => procs[node]?.output().slice(-3000) ?? '(not running)',
    recordFile: () =>
      o.postgres
        ? copyPostgresRecord(o.postgres.url, path.join(o.root, 'record-copy'))
        : Promise.resolve(path.join(dirs[0]!, 'hub.db')),
    async stop() {
      await Promise.all(procs.map((p) => p?.stop()));
    },
  };
}
