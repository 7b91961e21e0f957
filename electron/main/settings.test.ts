/** Where the desktop app finds its parts: the checkout in a developer run, resources/ when installed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDesktopSettings } from './settings';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-settings-'));

describe('desktop settings', () => {
  it('uses the checkout and the binding npm start hands over in a developer run', () => {
    const appPath = tmp();
    const binding = path.join(tmp(), 'better_sqlite3.node');
    fs.writeFileSync(binding, '');
    const s = readDesktopSettings(
      { appPath, resourcesPath: '/unused', isPackaged: false },
      { SIGAP_DATA_DIR: '/data', SIGAP_NATIVE_BINDING: binding },
    );
    expect(s).toMatchObject({
      dataDir: '/data',
      rendererDir: path.join(appPath, 'out', 'renderer'),
      preloadPath: path.join(appPath, 'out', 'preload', 'index.cjs'),
      resourcesDir: path.join(appPath, 'resources', 'data'),
      nativeBinding: binding,
    });
  });

  it('uses the installed data and native module beside app.asar', () => {
    const resourcesPath = tmp();
    fs.mkdirSync(path.join(resourcesPath, 'native'));
    fs.writeFileSync(path.join(resourcesPath, 'native', 'better_sqlite3.node'), '');
    const s = readDesktopSettings(
      { appPath: path.join(resourcesPath, 'app.asar'), resourcesPath, isPackaged: true },
      { SIGAP_DATA_DIR: '/data' },
    );
    expect(s.resourcesDir).toBe(path.join(resourcesPath, 'data'));
    expect(s.nativeBinding).toBe(path.join(resourcesPath, 'native', 'better_sqlite3.node'));
    expect(s.icon).toBeUndefined();
  });

  it('says what is wrong with a bad binding or an incomplete installation', () => {
    expect(() =>
      readDesktopSettings(
        { appPath: tmp(), resourcesPath: '/x', isPackaged: false },
        { SIGAP_NATIVE_BINDING: 'relative/better_sqlite3.node' },
      ),
    ).toThrow(/SIGAP_NATIVE_BINDING/);
    expect(() =>
      readDesktopSettings({ appPath: '/x/app.asar', resourcesPath: tmp(), isPackaged: true }, {}),
    ).toThrow(/installation is incomplete/);
  });
});
