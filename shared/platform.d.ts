/**
 * The few web-standard globals that every side (Node, Chromium, Electron) provides and
 * shared code may use. Declared here because shared/ compiles without Node or DOM types,
 * which keeps anything else out.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
}
