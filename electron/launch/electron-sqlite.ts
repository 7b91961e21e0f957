/**
 * better-sqlite3 for Electron, kept beside the Node build (DESIGN §3): the package's own
 * build/Release stays Node's (tests, hub, browser host), and an Electron-ABI copy lives in
 * node_modules/.sigap-electron/. It is made once, from a staged copy of the package, by a
 * prebuilt download (prebuild-install) or else a compile against Electron's headers
 * (node-gyp); both need the internet. Before the window opens, Electron itself (as Node)
 * must load it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ElectronPackage } from './electron-dist';
import { runTool, type ToolRun } from './run-tool';

export interface SqliteTarget {
  /** The installed better-sqlite3 package (the Node build). */
  packageDir: string;
  version: string;
  /** Where the Electron-ABI build goes. */
  binding: string;
  stageDir: string;
}

export interface Platform {
  platform: NodeJS.Platform;
  arch: string;
}

export const HOST: Platform = { platform: process.platform, arch: process.arch };

export function sqliteTarget(
  root: string,
  electron: ElectronPackage,
  on: Platform = HOST,
): SqliteTarget {
  const packageDir = path.join(root, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(
    fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  const key = `better-sqlite3-${version}-electron-${electron.version}-${on.platform}-${on.arch}`;
  const base = path.join(root, 'node_modules', '.sigap-electron');
  return {
    packageDir,
    version,
    binding: path.join(base, key, 'better_sqlite3.node'),
    stageDir: path.join(base, 'stage', key),
  };
}

function stage(target: SqliteTarget): void {
  fs.rmSync(target.stageDir, { recursive: true, force: true });
  fs.mkdirSync(target.stageDir, { recursive: true });
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    const from = path.join(target.packageDir, entry);
    if (fs.existsSync(from))
      fs.cpSync(from, path.join(target.stageDir, entry), { recursive: true });
  }
}

function nodeGyp(root: string): string | undefined {
  // npm tells its scripts where its own node-gyp is; else one from this checkout.
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && fs.existsSync(fromNpm)) return fromNpm;
  try {
    return createRequire(path.join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return undefined;
  }
}

export const PREBUILT_TIMEOUT_MS = 60_000;
export const COMPILE_TIMEOUT_MS = 15 * 60_000;

/** Makes target.binding; resolves with the reason when neither way works. */
export async function buildSqliteForElectron(
  root: string,
  electron: ElectronPackage,
  target: SqliteTarget,
  onStep: (line: string) => void,
  on: Platform = HOST,
): Promise<ToolRun> {
  stage(target);
  const built = path.join(target.stageDir, 'build', 'Release', 'better_sqlite3.node');
  const electronArgs = [`--target=${electron.version}`, `--arch=${on.arch}`];
  const prebuild = createRequire(path.join(target.packageDir, 'package.json')).resolve(
    'prebuild-install/bin.js',
  );
  onStep(`Fetching better-sqlite3 ${target.version} built for Electron ${electron.version}…`);
  let run = await runTool(
    process.execPath,
    [prebuild, '--runtime=electron', ...electronArgs, `--platform=${on.platform}`],
    { cwd: target.stageDir, timeoutMs: PREBUILT_TIMEOUT_MS },
  );
  if (!run.ok || !fs.existsSync(built)) {
    // A compile makes a module for this machine only; another platform needs the prebuilt.
    if (on.platform !== HOST.platform || on.arch !== HOST.arch) {
      return {
        ok: false,
        reason: `prebuilt for ${on.platform}-${on.arch}: ${run.reason}`,
        output: '',
      };
    }
    const gyp = nodeGyp(root);
    if (!gyp) {
      return { ok: false, reason: `prebuilt: ${run.reason}; node-gyp not found`, output: '' };
    }
    const prebuiltReason = run.reason;
    onStep('No prebuilt module; compiling better-sqlite3 against Electron headers…');
    run = await runTool(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        ...electronArgs,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: target.stageDir, timeoutMs: COMPILE_TIMEOUT_MS },
    );
    if (!run.ok || !fs.existsSync(built)) {
      return {
        ok: false,
        reason: `prebuilt: ${prebuiltReason}; compile: ${run.reason || 'no module built'}`,
        output: run.output,
      };
    }
  }
  fs.mkdirSync(path.dirname(target.binding), { recursive: true });
  fs.copyFileSync(built, target.binding);
  fs.rmSync(target.stageDir, { recursive: true, force: true });
  return { ok: true, reason: '', output: '' };
}

/** Opens an in-memory database under Electron-as-Node with the Electron build. */
export function checkSqliteUnderElectron(
  electronBinary: string,
  target: Pick<SqliteTarget, 'packageDir' | 'binding'>,
): Promise<ToolRun> {
  const script = [
    `const Database = require(${JSON.stringify(target.packageDir)});`,
    `const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(target.binding)} });`,
    "db.prepare('select sqlite_version() as v').get();",
    'db.close();',
  ].join('\n');
  return runTool(electronBinary, ['-e', script], {
    timeoutMs: 30_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
}
