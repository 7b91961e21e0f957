/**
 * `npm start`'s choice between the desktop window and the browser host (DESIGN §3): the
 * desktop needs the Electron binary and an Electron build of better-sqlite3 that Electron
 * really loads. Each missing piece is fetched once where the internet allows; a failure is
 * remembered so later starts do not wait, and the browser host is used with a one-line
 * reason that says what is missing and how to retry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatWib } from '../../shared/time';
import {
  downloadElectron,
  electronBinary,
  electronPackage,
  type ElectronPackage,
} from './electron-dist';
import {
  buildSqliteForElectron,
  checkSqliteUnderElectron,
  sqliteTarget,
  type SqliteTarget,
} from './electron-sqlite';
import type { ToolRun } from './run-tool';
import {
  rememberFailure,
  rememberedFailure,
  setupFailuresFile,
  type SetupStep,
} from './setup-failures';

export type ShellChoice =
  | { kind: 'desktop'; electronBinary: string; electronVersion: string; nativeBinding: string }
  | { kind: 'browser'; reason: string };

/** The steps that touch the network or spawn Electron; tests replace them. */
export interface SetupTools {
  downloadElectron(pkg: ElectronPackage): Promise<ToolRun>;
  buildSqlite(
    root: string,
    pkg: ElectronPackage,
    target: SqliteTarget,
    onStep: (line: string) => void,
  ): Promise<ToolRun>;
  checkSqlite(binary: string, target: SqliteTarget): Promise<ToolRun>;
}

const realTools: SetupTools = {
  downloadElectron: (pkg) => downloadElectron(pkg),
  buildSqlite: buildSqliteForElectron,
  checkSqlite: checkSqliteUnderElectron,
};

export interface ChooseShellOptions {
  root: string;
  dataDir: string;
  /** `npm start -- --browser`. */
  forceBrowser: boolean;
  say(line: string): void;
  now?: () => number;
  tools?: SetupTools;
}

export async function chooseShell(options: ChooseShellOptions): Promise<ShellChoice> {
  const { root, dataDir, say } = options;
  const now = options.now ?? Date.now;
  const tools = options.tools ?? realTools;
  const browser = (reason: string): ShellChoice => ({ kind: 'browser', reason });
  if (options.forceBrowser) return browser('started with --browser');

  const pkg = electronPackage(root);
  if (!pkg) return browser('the electron package is not installed (run npm install)');
  const memoFile = setupFailuresFile(dataDir);

  /** Runs `attempt` once per key; a failure is remembered and reported from then on. */
  const once = async (
    step: SetupStep,
    key: string,
    what: string,
    attempt: () => Promise<ToolRun>,
    present: () => boolean,
  ): Promise<string | undefined> => {
    const remembered = rememberedFailure(dataDir, step, key);
    if (remembered) {
      return `${what} failed on ${formatWib(remembered.at, 'en')}: ${remembered.reason}; delete ${memoFile} to try again`;
    }
    const run = await attempt();
    if (run.ok && present()) return undefined;
    const reason = run.reason || 'it finished without producing the file';
    rememberFailure(dataDir, step, { key, reason, at: now() });
    return `${what} failed: ${reason}; not tried again until ${memoFile} is deleted`;
  };

  let binary = electronBinary(pkg);
  if (!binary) {
    const failed = await once(
      'electron-binary',
      `electron-${pkg.version}-${process.platform}-${process.arch}`,
      `downloading Electron ${pkg.version}`,
      () => {
        say(`Fetching Electron ${pkg.version} for the desktop window (once; up to 2 minutes)…`);
        return tools.downloadElectron(pkg);
      },
      () => electronBinary(pkg) !== undefined,
    );
    binary = electronBinary(pkg);
    if (failed || !binary) return browser(`no Electron binary is installed (${failed})`);
  }

  const target = sqliteTarget(root, pkg);
  if (!fs.existsSync(target.binding)) {
    const failed = await once(
      'electron-sqlite',
      path.basename(path.dirname(target.binding)),
      `building better-sqlite3 ${target.version} for Electron ${pkg.version}`,
      () => tools.buildSqlite(root, pkg, target, say),
      () => fs.existsSync(target.binding),
    );
    if (failed) return browser(`no Electron build of better-sqlite3 is available (${failed})`);
  }

  const check = await tools.checkSqlite(binary, target);
  if (!check.ok) {
    return browser(
      `the Electron build of better-sqlite3 (${target.binding}) does not load under Electron ${pkg.version}: ${check.reason}`,
    );
  }
  return {
    kind: 'desktop',
    electronBinary: binary,
    electronVersion: pkg.version,
    nativeBinding: target.binding,
  };
}
