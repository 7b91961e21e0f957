/**
 * npm start's desktop/browser choice, with the network and Electron replaced by fakes: each
 * missing piece is tried once, a failure is remembered (later starts do not wait) and the
 * reason says what is missing; a new version is tried afresh; a module that does not load
 * under Electron keeps the browser host.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseShell, type SetupTools } from './shell-choice';
import { setupFailuresFile } from './setup-failures';

let root: string;
let dataDir: string;
const say = vi.fn();

function checkout(electronVersion = '41.7.1'): void {
  const electron = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(electron, { recursive: true });
  fs.writeFileSync(
    path.join(electron, 'package.json'),
    JSON.stringify({ version: electronVersion }),
  );
  fs.writeFileSync(path.join(electron, 'abi_version'), '145');
  const sqlite = path.join(root, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(sqlite, { recursive: true });
  fs.writeFileSync(path.join(sqlite, 'package.json'), JSON.stringify({ version: '12.11.1' }));
}

function installElectronBinary(): string {
  const dir = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
  fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
  return path.join(dir, 'dist', 'electron');
}

function tools(overrides: Partial<SetupTools> = {}): SetupTools {
  return {
    downloadElectron: vi.fn(async () => ({
      ok: false,
      reason: 'getaddrinfo ENOTFOUND github.com (exit 1)',
      output: '',
    })),
    buildSqlite: vi.fn(async () => ({
      ok: false,
      reason: 'prebuilt: getaddrinfo ENOTFOUND github.com (exit 1); compile: network connectivity',
      output: '',
    })),
    checkSqlite: vi.fn(async () => ({ ok: true, reason: '', output: '' })),
    ...overrides,
  };
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-root-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-data-'));
  say.mockClear();
  checkout();
});

const choose = (t: SetupTools, forceBrowser = false) =>
  chooseShell({ root, dataDir, forceBrowser, say, tools: t, now: () => Date.UTC(2026, 10, 28, 1) });

describe('npm start: desktop or browser host', () => {
  it('tries the Electron download once, then remembers the failure and does not wait again', async () => {
    const first = tools();
    const choice = await choose(first);
    expect(first.downloadElectron).toHaveBeenCalledTimes(1);
    expect(choice).toEqual({
      kind: 'browser',
      reason: expect.stringContaining(
        'no Electron binary is installed (downloading Electron 41.7.1 failed: getaddrinfo ENOTFOUND github.com',
      ),
    });
    expect(fs.existsSync(setupFailuresFile(dataDir))).toBe(true);
    expect(say).toHaveBeenCalledWith(expect.stringContaining('Fetching Electron 41.7.1'));

    const again = tools();
    const second = await choose(again);
    expect(again.downloadElectron).not.toHaveBeenCalled();
    expect(second.kind === 'browser' && second.reason).toContain(
      'failed on 28/11/2026 08:00:00 WIB: getaddrinfo ENOTFOUND github.com',
    );
    expect(second.kind === 'browser' && second.reason).toContain(
      `delete ${setupFailuresFile(dataDir)} to try again`,
    );
    // One line, as printed by npm start.
    expect(second.kind === 'browser' && second.reason).not.toContain('\n');
  });

  it('tries again for a new Electron version', async () => {
    await choose(tools());
    checkout('42.0.0');
    const t = tools();
    await choose(t);
    expect(t.downloadElectron).toHaveBeenCalledTimes(1);
  });

  it('goes on to better-sqlite3 once the download brings the binary', async () => {
    const t = tools({
      downloadElectron: vi.fn(async () => {
        installElectronBinary();
        return { ok: true, reason: '', output: '' };
      }),
    });
    const choice = await choose(t);
    expect(t.buildSqlite).toHaveBeenCalledTimes(1);
    expect(choice.kind === 'browser' && choice.reason).toContain(
      'no Electron build of better-sqlite3 is available (building better-sqlite3 12.11.1 for Electron 41.7.1 failed: prebuilt: getaddrinfo ENOTFOUND',
    );
    const again = tools();
    await choose(again);
    expect(again.buildSqlite).not.toHaveBeenCalled();
  });

  it('opens the desktop when the Electron build exists and loads under Electron', async () => {
    const binary = installElectronBinary();
    let binding = '';
    const t = tools({
      buildSqlite: vi.fn(async (_root, _pkg, target) => {
        fs.mkdirSync(path.dirname(target.binding), { recursive: true });
        fs.writeFileSync(target.binding, '');
        binding = target.binding;
        return { ok: true, reason: '', output: '' };
      }),
    });
    const choice = await choose(t);
    expect(choice).toEqual({
      kind: 'desktop',
      electronBinary: binary,
      electronVersion: '41.7.1',
      nativeBinding: binding,
    });
    // Beside the Node build, never in place of it.
    expect(binding).toContain(path.join('node_modules', '.sigap-electron'));
    expect(t.checkSqlite).toHaveBeenCalledWith(binary, expect.objectContaining({ binding }));
  });

  it('keeps the browser host when the module does not load under Electron', async () => {
    installElectronBinary();
    const t = tools({
      buildSqlite: vi.fn(async (_root, _pkg, target) => {
        fs.mkdirSync(path.dirname(target.binding), { recursive: true });
        fs.writeFileSync(target.binding, '');
        return { ok: true, reason: '', output: '' };
      }),
      checkSqlite: vi.fn(async () => ({
        ok: false,
        reason: 'was compiled against a different Node.js version (exit 1)',
        output: '',
      })),
    });
    const choice = await choose(t);
    expect(choice.kind === 'browser' && choice.reason).toMatch(
      /does not load under Electron 41\.7\.1: was compiled against a different Node\.js version/,
    );
  });

  it('does nothing but the browser host with --browser', async () => {
    const t = tools();
    expect(await choose(t, true)).toEqual({ kind: 'browser', reason: 'started with --browser' });
    expect(t.downloadElectron).not.toHaveBeenCalled();
  });
});
