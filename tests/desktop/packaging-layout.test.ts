/**
 * Packaging layout (placeholder Electron distribution). No real Electron can be downloaded
 * here, so `npm run dist`'s script runs electron-builder against a stand-in: a tiny
 * executable carrying Electron's fuse wire, and a stand-in better_sqlite3.node. What it
 * proves is the layout our config produces — the native module outside app.asar, the app
 * and its data where main looks for them, the fuses flipped as configured — not that the
 * packaged app runs (that needs a real Electron; see tests/electron).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuse order (v1) and the states a stock binary ships with. */
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
const STOCK_WIRE = '10011001';

const built = fs.existsSync(path.join(repoRoot, 'out', 'main', 'index.js'));

function placeholderElectron(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const script = Buffer.concat([
    Buffer.from(
      '#!/bin/sh\necho "placeholder Electron distribution, not runnable" >&2\nexit 1\n# ',
    ),
    Buffer.from(SENTINEL),
    Buffer.from([1, FUSES.length]),
    Buffer.from(STOCK_WIRE),
    Buffer.from('\n'),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), script, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), 'v41.7.1');
}

function fuseWire(binary: string): Record<string, boolean> {
  const bytes = fs.readFileSync(binary);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  expect(at).toBeGreaterThan(SENTINEL.length);
  return Object.fromEntries(FUSES.map((name, i) => [name, bytes[at + 2 + i] === 0x31]));
}

interface AsarEntry {
  files?: Record<string, AsarEntry>;
  unpacked?: boolean;
}

/** Paths inside an asar archive, from its JSON header (format: 4 × uint32, then JSON). */
function asarFiles(archive: string): Map<string, AsarEntry> {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(archive, 'r');
  fs.readSync(fd, head, 0, 16, 0);
  const json = Buffer.alloc(head.readUInt32LE(12));
  fs.readSync(fd, json, 0, json.length, 16);
  fs.closeSync(fd);
  const out = new Map<string, AsarEntry>();
  const walk = (entry: AsarEntry, prefix: string) => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      const p = `${prefix}${name}`;
      if (child.files) walk(child, `${p}/`);
      else out.set(p, child);
    }
  };
  walk(JSON.parse(json.toString('utf8')) as AsarEntry, '');
  return out;
}

const title = built
  ? 'packaging layout (placeholder Electron distribution)'
  : 'packaging layout (placeholder Electron distribution): skipped, out/ is not built (run `npm run build`; npm test builds first)';

describe.skipIf(!built || process.platform !== 'linux')(title, () => {
  it('puts better-sqlite3 outside app.asar, ships app, data and fuses as configured', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-dist-'));
    const electronDist = path.join(work, 'electron-dist');
    placeholderElectron(electronDist);
    const nativeDir = path.join(work, 'native');
    fs.mkdirSync(nativeDir);
    const standIn = path.join(nativeDir, 'better_sqlite3.node');
    fs.copyFileSync(
      path.join(
        repoRoot,
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
      standIn,
    );
    const out = path.join(work, 'out');

    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repoRoot, 'scripts', 'dist.ts'),
        '--linux',
        '--dir',
        '--no-build',
        '--electron-dist',
        electronDist,
        '--native-dir',
        nativeDir,
        '--out',
        out,
      ],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: '' } },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const app = path.join(out, 'linux-unpacked');
    const resources = path.join(app, 'resources');
    // The native module sits beside app.asar, byte for byte what dist was given.
    const shipped = path.join(resources, 'native', 'better_sqlite3.node');
    expect(fs.readFileSync(shipped).equals(fs.readFileSync(standIn))).toBe(true);

    const inside = asarFiles(path.join(resources, 'app.asar'));
    const packed = [...inside].filter(([, e]) => !e.unpacked).map(([p]) => p);
    expect(packed.filter((p) => p.endsWith('.node'))).toEqual([]);
    expect(packed).toEqual(
      expect.arrayContaining([
        'package.json',
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'node_modules/better-sqlite3/lib/index.js',
        'node_modules/zod/package.json',
      ]),
    );
    // The OPD inbox page belongs to the hub, not to the desktop app.
    expect(packed.filter((p) => p.startsWith('out/inbox/'))).toEqual([]);
    // The checkout's Node build and sources of better-sqlite3 stay out of the package.
    expect(
      packed.filter((p) => /^node_modules\/better-sqlite3\/(build|deps|src)\//.test(p)),
    ).toEqual([]);
    for (const file of ['wilayah.json', 'opds.json', 'categories.json']) {
      expect(fs.existsSync(path.join(resources, 'data', file)), file).toBe(true);
    }

    expect(fuseWire(path.join(app, 'sigap'))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    fs.rmSync(work, { recursive: true, force: true });
  }, 240_000);
});
