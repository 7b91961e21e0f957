/**
 * An acknowledgement means the change survives a power cut. The hub commits each group
 * without waiting for the disk and acks only after an fdatasync of hub.db-wal, run on the
 * thread pool, has covered that commit. This test watches the real hub process's system
 * calls under strace: for every ack the hub writes to a desk's socket, the store's write
 * of that message to hub.db-wal comes first, then an fdatasync of hub.db-wal that began
 * after that write and returned before the ack was written — on a thread other than the
 * event loop's.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { randomToken, repoRoot, tempDir, until, writeTokens } from '../support/processes';

const strace = ['/usr/bin/strace', '/bin/strace'].find((f) => fs.existsSync(f));
/** Whether this machine lets strace trace a child (some containers forbid ptrace). */
const straceWorks = (): boolean =>
  spawnSync(strace!, ['-f', '-o', '/dev/null', 'true'], { stdio: 'ignore' }).status === 0;
const skipReason =
  process.platform !== 'linux'
    ? 'strace traces Linux processes only'
    : !strace
      ? 'strace is not installed (CI installs it: .ci/run); install it to run this test'
      : !straceWorks()
        ? 'strace cannot trace processes here (ptrace is not permitted)'
        : undefined;
if (skipReason) process.stdout.write(`hub-ack-after-fsync skipped: ${skipReason}\n`);

interface Call {
  line: number;
  tid: number;
  name: string;
  fd: number;
  /** The call's line when it was split by strace (<unfinished ...>), else `line`. */
  startLine: number;
  text: string;
}

/** The completed system calls of an `strace -f -tt` log, in the order they returned. */
function parseTrace(log: string): Call[] {
  const calls: Call[] = [];
  const started = new Map<string, { line: number; fd: number; text: string }>();
  log.split('\n').forEach((text, line) => {
    const begun = /^(\d+)\s+\S+\s+(\w+)\((\d+)?(.*)<unfinished \.\.\.>$/.exec(text);
    if (begun) {
      started.set(`${begun[1]} ${begun[2]}`, {
        line,
        fd: Number(begun[3] ?? -1),
        text: begun[4]!,
      });
      return;
    }
    const resumed = /^(\d+)\s+\S+\s+<\.\.\. (\w+) resumed>(.*)$/.exec(text);
    if (resumed) {
      const key = `${resumed[1]} ${resumed[2]}`;
      const start = started.get(key);
      started.delete(key);
      if (start) {
        calls.push({
          line,
          tid: Number(resumed[1]),
          name: resumed[2]!,
          fd: start.fd,
          startLine: start.line,
          text: start.text + resumed[3]!,
        });
      }
      return;
    }
    const whole = /^(\d+)\s+\S+\s+(\w+)\((\d+)?(.*)$/.exec(text);
    if (whole) {
      calls.push({
        line,
        tid: Number(whole[1]),
        name: whole[2]!,
        fd: Number(whole[3] ?? -1),
        startLine: line,
        text: whole[4]!,
      });
    }
  });
  return calls;
}

/** Which fd numbers named hub.db-wal at each point of the log (opens and closes in order). */
function walFdsAt(calls: Call[]): (call: Call) => boolean {
  const open = new Set<number>();
  const walAt = new Map<Call, boolean>();
  for (const c of calls) {
    if (c.name === 'openat' && /"[^"]*hub\.db-wal"/.test(c.text)) {
      const fd = /= (\d+)$/.exec(c.text);
      if (fd) open.add(Number(fd[1]));
    } else if (c.name === 'close') open.delete(c.fd);
    walAt.set(c, open.has(c.fd));
  }
  return (call) => walAt.get(call) === true;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('hub acknowledgements', () => {
  it.skipIf(skipReason !== undefined)(
    'are written to the socket only after an fdatasync of hub.db-wal covering their commit returned',
    async () => {
      const dir = tempDir();
      dirs.push(dir);
      const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
      const tokens = writeTokens(dir, [desk]);
      const traceFile = path.join(dir, 'hub.trace');
      const child = spawn(
        strace!,
        [
          '-f',
          '-tt',
          '-s',
          '64',
          '-e',
          'trace=openat,close,pwrite64,fdatasync,fsync,write,writev,sendto,sendmsg',
          '-o',
          traceFile,
          process.execPath,
          '--import',
          'tsx',
          path.join(repoRoot, 'hub/main.ts'),
          '--port',
          '0',
          '--data',
          path.join(dir, 'hub'),
          '--tokens',
          tokens,
        ],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (out += b.toString()));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      let socket: Socket | undefined;
      try {
        const url = (await until(() => /hub listening on (\S+)/.exec(out)?.[1], 120_000))!;
        socket = io(`${url}/desk`, { auth: { token: desk.token }, transports: ['websocket'] });
        await new Promise<void>((resolve, reject) => {
          socket!.once('connect', () => resolve());
          socket!.once('connect_error', reject);
        });
        // One at a time: everything the store writes between two acks is the next message's.
        const actor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
        for (let i = 0; i < 8; i++) {
          const caseId = uuidv7();
          const upserted = (await socket.timeout(30_000).emitWithAck('case.upsert', {
            changeId: uuidv7(),
            caseId,
            baseSeq: 0,
            fields: { description: `Pohon tumbang ${i}` },
            actor,
          })) as { ok: boolean };
          expect(upserted.ok).toBe(true);
          const queued = (await socket
            .timeout(30_000)
            .emitWithAck('dispatch', { dispatchId: uuidv7(), caseId, opdId: 'dlh', actor })) as {
            ok: boolean;
          };
          expect(queued.ok).toBe(true);
        }
      } finally {
        socket?.close();
        // Stop the hub itself (strace's child); strace ends with it and flushes its log.
        const hubPid = fs
          .readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
          .trim()
          .split(' ')[0];
        if (hubPid) process.kill(Number(hubPid), 'SIGTERM');
        else child.kill('SIGKILL');
        await exited;
      }

      const calls = parseTrace(fs.readFileSync(traceFile, 'utf8'));
      const isWal = walFdsAt(calls);
      // socket.io's ack packets on /desk: "43/desk,<id>[…]" (the answers to this desk).
      const acks = calls.filter(
        (c) =>
          ['write', 'writev', 'sendto', 'sendmsg'].includes(c.name) && c.text.includes('43/desk,'),
      );
      expect(acks.length).toBe(16);
      let previousAck = -1;
      for (const ack of acks) {
        const walWrites = calls.filter(
          (c) => c.name === 'pwrite64' && isWal(c) && c.line > previousAck && c.line < ack.line,
        );
        expect(
          walWrites.length,
          `the store wrote hub.db-wal before ack at line ${ack.line}`,
        ).toBeGreaterThan(0);
        const lastWrite = walWrites.at(-1)!;
        const syncs = calls.filter(
          (c) =>
            (c.name === 'fdatasync' || c.name === 'fsync') &&
            isWal(c) &&
            c.startLine > lastWrite.line &&
            c.line < ack.line,
        );
        expect(
          syncs.length,
          `an fdatasync of hub.db-wal covers the ack at line ${ack.line}`,
        ).toBeGreaterThan(0);
        // The disk wait ran on the thread pool, not on the event loop that writes to sockets.
        expect(
          syncs.every((s) => s.tid !== ack.tid),
          'the fdatasync ran off the event loop',
        ).toBe(true);
        previousAck = ack.line;
      }
    },
    180_000,
  );
});
