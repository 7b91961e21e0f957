/**
 * A small structured logger that works on every side: each line is one JSON object, so IT
 * staff can grep and parse the logs. The sink is injected (stderr in Node, console in a page).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (line: string) => void;

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

export function createLogger(scope: string, sink: LogSink, now: () => number = Date.now): Logger {
  const write =
    (level: LogLevel) =>
    (msg: string, data?: Record<string, unknown>): void =>
      sink(JSON.stringify({ t: new Date(now()).toISOString(), level, scope, msg, ...data }));
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (sub) => createLogger(`${scope}.${sub}`, sink, now),
  };
}
