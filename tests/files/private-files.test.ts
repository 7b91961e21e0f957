/**
 * Files holding callers' data are private to the OS user, whatever the umask and whatever
 * modes older files were left with: the desk's and the hub's stores (with -wal and -shm),
 * hub backups, logs, and the folders holding them. Real files in a temporary folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, openPrivateLog } from '../../electron/core/private-files';
import { openStore } from '../../electron/core/store/database';
import { backupHubStore } from '../../hub/backup';
import { openHubStore } from '../../hub/store/database';
import { tempDir } from '../support/processes';

const mode = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);
const modes = (...paths: string[]) => Object.fromEntries(paths.map((p) => [p, mode(p)]));

let umask: number;
beforeAll(() => {
  umask = process.umask(0); // the most permissive: every mode Sigap gets must be its own
});
afterAll(() => process.umask(umask));

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('makes a new desk store, its -wal and -shm and its folders private', () => {
    const data = path.join(tempDir(), 'sigap');
    files.dir(data);
    const file = path.join(data, 'console', 'console.db');
    const db = openStore(file);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', 'y', 1)").run();
    expect(modes(data, path.dirname(file), file, `${file}-wal`, `${file}-shm`)).toEqual({
      [data]: '700',
      [path.dirname(file)]: '700',
      [file]: '600',
      [`${file}-wal`]: '600',
      [`${file}-shm`]: '600',
    });
    db.close();
  });

  it('makes an existing desk store private when it opens', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, 'console.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(f, 0o644);
    const db = openStore(file);
    expect(modes(file, `${file}-wal`, `${file}-shm`)).toEqual({
      [file]: '600',
      [`${file}-wal`]: '600',
      [`${file}-shm`]: '600',
    });
    db.close();
    old.close();
  });

  it('makes the hub’s data dir, store and backups private', async () => {
    const data = path.join(tempDir(), 'hub');
    const db = openHubStore(data);
    db.prepare("INSERT INTO events (at, type, case_id, body) VALUES (1, 't', 'c', '{}')").run();
    const file = path.join(data, 'hub.db');
    expect(modes(data, file, `${file}-wal`, `${file}-shm`)).toEqual({
      [data]: '700',
      [file]: '600',
      [`${file}-wal`]: '600',
      [`${file}-shm`]: '600',
    });
    const backups = tempDir();
    fs.chmodSync(backups, 0o755);
    const { file: copy } = await backupHubStore(data, path.join(backups, 'hub-copy.db'), {
      force: false,
    });
    expect(mode(copy)).toBe('600');
    db.close();
  });

  it('makes logs private, new or left over with other modes', async () => {
    const logs = path.join(tempDir(), 'logs');
    const fresh = openPrivateLog(path.join(logs, 'console.log'));
    await finished(fresh.end('{"msg":"a caller said something"}\n'));
    const old = path.join(logs, 'hub.log');
    fs.writeFileSync(old, 'older lines\n', { mode: 0o644 });
    await finished(openPrivateLog(old).end());
    expect(modes(logs, path.join(logs, 'console.log'), old)).toEqual({
      [logs]: '700',
      [path.join(logs, 'console.log')]: '600',
      [old]: '600',
    });
  });
});
