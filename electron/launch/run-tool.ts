/**
 * Runs a setup tool (Electron's installer, prebuild-install, node-gyp, Electron as Node)
 * with a time limit, and boils its output down to the one line that says why it failed.
 */
import { spawn } from 'node:child_process';

export interface ToolRun {
  ok: boolean;
  /** Why it failed, in one short line; empty when ok. */
  reason: string;
  output: string;
}

export interface ToolOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

const NETWORK =
  /getaddrinfo \w+ [\w.-]+|E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH)\b[^\n]*|network connectivity|status code \d{3}|HTTP \d{3}[^\n]*/;
const STACK_FRAME = /^\s*(gyp ERR! stack\s+)?at /;
const PREFIX =
  /^(gyp ERR! (stack )?|prebuild-install (warn|ERR!) (install )?|RequestError: |Error: )+/;

/** The most telling line of a tool's output: a network cause first, then any error line. */
export function summarize(output: string, limit = 160): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !STACK_FRAME.test(l));
  const network = output.match(NETWORK)?.[0];
  const errorLine = lines.find((l) => /error|ERR!|failed|cannot|not found/i.test(l));
  const picked = network ?? errorLine ?? lines.at(-1) ?? 'no output';
  const clean = picked.replace(PREFIX, '').trim();
  return clean.length > limit ? `${clean.slice(0, limit - 1)}…` : clean;
}

export function runTool(command: string, args: string[], options: ToolOptions): Promise<ToolRun> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message, output });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        resolve({
          ok: false,
          reason: `no answer within ${Math.ceil(options.timeoutMs / 1000)} s`,
          output,
        });
      } else if (code === 0) {
        resolve({ ok: true, reason: '', output });
      } else {
        const how = signal ? `killed by ${signal}` : `exit ${code}`;
        resolve({ ok: false, reason: `${summarize(output)} (${how})`, output });
      }
    });
  });
}
