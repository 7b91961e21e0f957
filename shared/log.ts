/**
 * A small structured logger that works on every side: each line is one JSON object, so IT
 * staff can grep and parse the logs. The sink is injected (stderr in Node, console in a page).
 * Lines below the threshold are never built; a line's own fields (time, level, scope,
 * message) always say what happened, whatever data the caller passes.
 */
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const LogLevel = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevel>;
export type LogSink = (line: string) => void;

/** The threshold when none is configured. */
export const DEFAULT_LOG_LEVEL: LogLevel = 'info';
/** The environment variable the processes read their threshold from. */
export const LOG_LEVEL_ENV = 'SIGAP_LOG_LEVEL';

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

export interface LoggerOptions {
  /** Lines below this level are dropped. Default: info. */
  level?: LogLevel;
  now?: () => number;
}

/** The line's own fields; data keys with these names are kept under `data` instead. */
const OWN_FIELDS: ReadonlySet<string> = new Set(['t', 'level', 'scope', 'msg', 'data']);

function formatLine(
  t: string,
  level: LogLevel,
  scope: string,
  msg: string,
  data: Record<string, unknown> | undefined,
): string {
  const line: Record<string, unknown> = { t, level, scope, msg };
  let clashing: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data ?? {})) {
    if (OWN_FIELDS.has(key)) (clashing ??= {})[key] = value;
    else line[key] = value;
  }
  if (clashing) line.data = clashing;
  try {
    return JSON.stringify(line);
  } catch (error) {
    // A cycle or a BigInt in the data must not lose the line, nor throw at the caller.
    return JSON.stringify({ t, level, scope, msg, dataError: (error as Error).message });
  }
}

export function createLogger(scope: string, sink: LogSink, options: LoggerOptions = {}): Logger {
  const now = options.now ?? Date.now;
  const threshold = LOG_LEVELS.indexOf(options.level ?? DEFAULT_LOG_LEVEL);
  const write =
    (level: LogLevel) =>
    (msg: string, data?: Record<string, unknown>): void => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      sink(formatLine(new Date(now()).toISOString(), level, scope, msg, data));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (sub) => createLogger(`${scope}.${sub}`, sink, options),
  };
}

/**
 * The threshold a process was given in SIGAP_LOG_LEVEL (any case, surrounding blanks
 * ignored). Unset or empty is the default; anything else unknown is the default too, with
 * a problem to log so the operator sees why the setting had no effect.
 */
export function logLevelSetting(raw: string | undefined): { level: LogLevel; problem?: string } {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return { level: DEFAULT_LOG_LEVEL };
  const parsed = LogLevel.safeParse(value);
  if (parsed.success) return { level: parsed.data };
  return {
    level: DEFAULT_LOG_LEVEL,
    problem: `${LOG_LEVEL_ENV}="${raw}" is not one of ${LOG_LEVELS.join(', ')}; logging at ${DEFAULT_LOG_LEVEL}`,
  };
}

/** A process's logger at the threshold its environment sets; a bad setting is logged. */
export function configuredLogger(
  scope: string,
  sink: LogSink,
  levelSetting: string | undefined,
): Logger {
  const { level, problem } = logLevelSetting(levelSetting);
  const log = createLogger(scope, sink, { level });
  if (problem) log.warn(problem);
  return log;
}
