/**
 * A hub store written before the holder of a case was called `holder_desk` keeps who holds
 * each case through the rename: the holder's edits still pass, another desk's are refused
 * naming the holder, and a takeover moves it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, expect, it } from 'vitest';
import type { TokenEntry } from '../../shared/hub/protocol';
import { migrate } from '../../shared/store/migrate';
import { createCenterRecord } from '../center-record';
import { hubStoreFile, openHubStore } from './database';
import { migrations } from './migrations';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const desk = (id: string): TokenEntry => ({ token: `token-of-${id}-0123456789`, kind: 'desk', id });
const actor = (t: TokenEntry) => ({ id: t.id, role: t.kind, person: `Petugas ${t.id}` });

it('keeps the desk holding each case when the column is renamed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-holder-desk-'));
  dirs.push(dir);
  const caseId = uuidv7();
  {
    // A store at version 3, where desk-2 holds a case.
    const old = new Database(hubStoreFile(dir));
    migrate(old, migrations.slice(0, 3));
    old
      .prepare('INSERT INTO cases (id, owner_desk, created_at) VALUES (?, ?, ?)')
      .run(caseId, 'desk-2', 1);
    old.prepare('INSERT INTO case_editors VALUES (?, ?)').run(caseId, 'desk-2');
    old.close();
  }
  const db = openHubStore(dir);
  try {
    expect(db.prepare('SELECT holder_desk FROM cases').all()).toEqual([{ holder_desk: 'desk-2' }]);
    const record = createCenterRecord(db, new Set(['dlh']));
    const [desk1, desk2] = [desk('desk-1'), desk('desk-2')];
    const upsert = (by: TokenEntry) =>
      record.upsertCase(by, {
        changeId: uuidv7(),
        caseId,
        baseSeq: 0,
        fields: { landmark: 'depan pasar' },
        actor: actor(by),
      }).ack;
    expect(upsert(desk1)).toMatchObject({
      ok: false,
      error: { code: 'auth.not_yours', message: expect.stringContaining('held by desk-2') },
    });
    expect(upsert(desk2)).toMatchObject({ ok: true });
    record.claim(desk1, { changeId: uuidv7(), caseId, actor: actor(desk1) });
    expect(db.prepare('SELECT holder_desk FROM cases').all()).toEqual([{ holder_desk: 'desk-1' }]);
  } finally {
    db.close();
  }
});
