/**
 * The center's record on its own, for its unit tests: a real hub store (SQLite in a
 * temporary folder), a fixed clock the test may move, the peers that send it messages and
 * short ways to send them. The integration tests drive the same record through a hub
 * process and sockets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect } from 'vitest';
import type { WireEvent } from './wire-event';
import type { Actor, CaseFields } from '../../shared/hub/messages';
import type { TokenEntry } from '../../shared/hub/protocol';
import { createCenterRecord, type CenterRecord } from '../../hub/center-record';
import { openHubStore, type HubStore } from '../../hub/store/database';

export const T0 = Date.UTC(2026, 10, 28, 1, 0, 0);

const who = (kind: TokenEntry['kind'], id: string): TokenEntry => ({
  token: `token-of-${id}-0123456789`,
  kind,
  id,
});
export const desk1 = who('desk', 'desk-1');
export const desk2 = who('desk', 'desk-2');
export const spv = who('supervisor', 'spv-1');
export const dlh = who('opd', 'dlh');
export const dishub = who('opd', 'dishub');
export const actorOf = (t: TokenEntry): Actor => ({
  id: t.id,
  role: t.kind,
  person: `Petugas ${t.id}`,
});

export const FIELDS: CaseFields = {
  status: 'new',
  categoryId: 'pohon-tumbang',
  urgency: 'darurat',
  description: 'Pohon tumbang menutup jalan',
  kecamatanId: 'kartoharjo',
  kelurahanId: 'kanigoro',
  address: 'Jl. Pahlawan 1',
  landmark: 'depan masjid',
  anonim: true,
  rahasia: false,
  callerName: 'Budi',
  callerNumber: '+6281234567890',
};

/** A fresh record for each test of the calling file, on the store's own folder. */
export function useCenterRecord() {
  let dir = '';
  let db: HubStore | undefined;
  const h = {
    record: undefined as unknown as CenterRecord,
    clock: T0,
    /** Closes the store and opens a record afresh on the same folder. */
    reopen(opdIds: ReadonlySet<string>): CenterRecord {
      db?.close();
      db = openHubStore(dir);
      return createCenterRecord(db, opdIds, () => h.clock);
    },
    upsert: (by: TokenEntry, caseId: string, fields: CaseFields, baseSeq = 0) =>
      h.record.upsertCase(by, { changeId: uuidv7(), caseId, baseSeq, fields, actor: actorOf(by) }),
    openCase: (by: TokenEntry = desk1, fields: CaseFields = FIELDS): string => {
      const caseId = uuidv7();
      expect(h.upsert(by, caseId, fields).ack).toMatchObject({ ok: true });
      return caseId;
    },
    dispatchTo: (caseId: string, opdId: string, by: TokenEntry = desk1) => {
      const out = h.record.dispatch(by, {
        dispatchId: uuidv7(),
        caseId,
        opdId,
        actor: actorOf(by),
      });
      return { ...out, events: out.events as WireEvent[] };
    },
    move: (
      by: TokenEntry,
      dispatchId: string,
      to: 'accepted' | 'in_progress' | 'resolved' | 'returned',
      note = '',
    ) =>
      h.record.transition(by, { transitionId: uuidv7(), dispatchId, to, note, actor: actorOf(by) }),
    allEvents: () => h.record.sync(0, 1000).events as WireEvent[],
    /** The folder of the record's store, to read what it kept. */
    dir: () => dir,
    /** The record's store, for a group commit over it. */
    store: (): HubStore => db!,
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-center-record-'));
    h.clock = T0;
    h.record = h.reopen(new Set(['dlh', 'dishub']));
  });
  afterEach(() => {
    db?.close();
    db = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return h;
}
