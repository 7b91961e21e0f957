/**
 * `npm run dist [-- --linux | --win] [--dir]`: installers for operators' PCs (Linux
 * AppImage + deb, Windows NSIS; this machine's platform by default). Needs the internet:
 * better-sqlite3 built for Electron on the target platform is fetched here (or compiled
 * for this machine), and electron-builder downloads Electron and its packaging tools.
 * Nothing in node_modules is rebuilt in place (DESIGN §3).
 *
 * For checks without the internet: --electron-dist DIR (an unpacked Electron) and
 * --native-dir DIR (a folder holding better_sqlite3.node); --out DIR, --no-build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { electronPackage } from '../electron/launch/electron-dist';
import { buildSqliteForElectron, sqliteTarget } from '../electron/launch/electron-sqlite';
import { repoRoot } from '../electron/launch/paths';

const say = (line: string) => process.stdout.write(`${line}\n`);

function fail(message: string): never {
  process.stderr.write(`dist: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      linux: { type: 'boolean' },
      win: { type: 'boolean' },
      dir: { type: 'boolean' },
      'electron-dist': { type: 'string' },
      'native-dir': { type: 'string' },
      out: { type: 'string' },
      'no-build': { type: 'boolean' },
    },
    strict: true,
  });
  if (values.linux && values.win) fail('build one platform at a time: --linux or --win');
  const platform: 'linux' | 'win32' = values.win
    ? 'win32'
    : values.linux || process.platform !== 'win32'
      ? 'linux'
      : 'win32';
  if (!values.linux && !values.win && process.platform === 'darwin') {
    fail('Sigap ships for Windows and Linux: pass --linux or --win');
  }
  const arch = 'x64';
  const out = path.resolve(values.out ?? path.join(repoRoot, 'dist'));

  if (!values['no-build']) {
    const cli = path.join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const built = spawnSync(process.execPath, [cli, 'build'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) fail('building the app failed (see above)');
  }

  let nativeDir = values['native-dir'] ? path.resolve(values['native-dir']) : undefined;
  if (!nativeDir) {
    const pkg = electronPackage(repoRoot) ?? fail('the electron package is not installed');
    const target = sqliteTarget(repoRoot, pkg, { platform, arch });
    if (!fs.existsSync(target.binding)) {
      const run = await buildSqliteForElectron(repoRoot, pkg, target, say, { platform, arch });
      if (!run.ok) {
        fail(`better-sqlite3 for Electron ${pkg.version} on ${platform}-${arch}: ${run.reason}`);
      }
    }
    nativeDir = path.dirname(target.binding);
  }
  if (!fs.existsSync(path.join(nativeDir, 'better_sqlite3.node'))) {
    fail(`${nativeDir} holds no better_sqlite3.node`);
  }

  const builder = path.join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
  const args = [
    builder,
    platform === 'win32' ? '--win' : '--linux',
    ...(values.dir ? ['dir'] : []),
    `--${arch}`,
    '--publish',
    'never',
    `-c.directories.output=${out}`,
    ...(values['electron-dist']
      ? [`-c.electronDist=${path.resolve(values['electron-dist'])}`]
      : []),
  ];
  const packed = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    // electron-builder reads a `from` relative to the project (electron-builder.yml).
    env: { ...process.env, SIGAP_ELECTRON_NATIVE_DIR: path.relative(repoRoot, nativeDir) },
  });
  if (packed.status !== 0) fail('electron-builder failed (see above)');

  // electron-builder only warns when an extraResources source is missing: check ourselves
  // that the installed app will find its database module.
  const unpacked = path.join(out, platform === 'win32' ? 'win-unpacked' : 'linux-unpacked');
  const shipped = path.join(unpacked, 'resources', 'native', 'better_sqlite3.node');
  if (!fs.existsSync(shipped)) fail(`${shipped} is missing from the package`);
  say(`dist: ${values.dir ? 'unpacked app' : 'installers'} in ${out}`);
}

main().catch((error: unknown) => fail((error as Error).message));
