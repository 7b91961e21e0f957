/**
 * This desk's replica of the center's cases on its own, against a real desk store (SQLite
 * in a temporary folder, default reference data): a case another desk opened joins the
 * queue, other desks' edits, takeovers and notes reach the timeline, and this desk's
 * pending edits show over the hub's values until the hub has them, after which the case
 * reads exactly as the hub's record. Integration tests drive it through a hub.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, CaseEntry, CaseFields } from '../../../shared/hub/messages';
import type { WireEvent } from '../../../tests/support/wire-event';
import { createLogger } from '../../../shared/log';
import { createCaseReplica, type CaseReplica } from './case-replica';
import { readCaseDetail } from './cases';
import { openStore, type Store } from './database';
import { createOutbox, type Outbox } from './outbox';
import { loadDefaultReference } from './reference';

const THIS_DESK = 'desk-1';
const T0 = Date.UTC(2026, 10, 28, 1, 0, 0);
const sari: Actor = { id: 'desk-2', role: 'desk', person: 'Sari' };
const budi: Actor = { id: THIS_DESK, role: 'desk', person: 'Budi' };
const spv: Actor = { id: 'spv-1', role: 'supervisor', person: 'Rina' };

const FIELDS: CaseFields = {
  status: 'new',
  categoryId: 'kebakaran',
  urgency: 'darurat',
  description: 'Rumah terbakar',
  kecamatanId: 'kartoharjo',
  kelurahanId: 'kelun',
  address: 'Jl. Pahlawan 1',
  landmark: 'depan masjid',
  lat: -7.63,
  lng: 111.53,
  anonim: false,
  rahasia: true,
  callerName: 'Warga',
  callerNumber: '+6281234567890',
};

let dir: string;
let db: Store;
let outbox: Outbox;
let replica: CaseReplica;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-case-replica-'));
  db = openStore(path.join(dir, 'console.db'));
  loadDefaultReference(db, path.join(process.cwd(), 'resources', 'data'));
  outbox = createOutbox(db);
  replica = createCaseReplica(
    db,
    outbox,
    THIS_DESK,
    createLogger('test', () => undefined),
  );
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A case event as the hub sends it (`case.changed` unless `rest` says otherwise). Typed
 * loosely on purpose, so each test states only the fields its event type carries.
 */
const event = (seq: number, actor: Actor, caseId: string, rest: Partial<WireEvent>): never =>
  ({ seq, type: 'case.changed', at: T0 + seq * 1000, actor, caseId, ...rest }) as never;
const shown = (caseId: string) => readCaseDetail(db, caseId, THIS_DESK, T0);
const timeline = (caseId: string) => shown(caseId)!.timeline.map((t) => [t.actor, t.kind, t.note]);

/** A case desk-2 opened, as its first event reaches this desk. */
const fromDesk2 = (): string => {
  const caseId = uuidv7();
  replica.changed(event(1, sari, caseId, { fields: FIELDS }));
  return caseId;
};

/** This desk's edit, written to the outbox as case-edits.ts does; returns its outbox id. */
const editHere = (caseId: string, fields: CaseFields, baseSeq: number): number => {
  outbox.enqueue(
    'case.upsert',
    uuidv7(),
    { changeId: uuidv7(), caseId, baseSeq, fields, actor: budi },
    T0,
  );
  replica.refresh(caseId, baseSeq, T0);
  return outbox.pending(1000).at(-1)!.id;
};
/** The hub acknowledged that edit at `seq`. */
const acked = (outboxId: number, seq: number): void => {
  outbox.markSent(outboxId, T0);
  outbox.setHubSeq(outboxId, seq);
};

describe('a case another desk opened', () => {
  it('joins this desk with its fields, its opener and a created entry', () => {
    const caseId = fromDesk2();
    expect(shown(caseId)).toMatchObject({
      caseId,
      createdAt: T0 + 1000,
      status: 'new',
      categoryId: 'kebakaran',
      urgency: 'darurat',
      classification: 'pengaduan',
      description: 'Rumah terbakar',
      kecamatanId: 'kartoharjo',
      kelurahanId: 'kelun',
      address: 'Jl. Pahlawan 1',
      landmark: 'depan masjid',
      lat: -7.63,
      lng: 111.53,
      anonim: false,
      rahasia: true,
      deskId: 'desk-2',
      holderDesk: 'desk-2',
      mayEdit: false,
    });
    expect(timeline(caseId)).toEqual([['Sari (desk-2)', 'created', null]]);
  });

  it("shows the opening desk's later edits, and says so on the timeline", () => {
    const caseId = fromDesk2();
    replica.changed(
      event(2, sari, caseId, { fields: { urgency: 'non_darurat', address: 'Jl. Baru' } }),
    );
    expect(shown(caseId)).toMatchObject({ urgency: 'non_darurat', address: 'Jl. Baru' });
    expect(timeline(caseId).at(-1)).toEqual([
      'Sari (desk-2)',
      'edited',
      JSON.stringify({ urgency: 'non_darurat', address: 'Jl. Baru' }),
    ]);
  });

  it('shows a cancellation as cancelled, on the case and on the timeline', () => {
    const caseId = fromDesk2();
    replica.changed(event(2, spv, caseId, { fields: { status: 'cancelled' } }));
    expect(shown(caseId)!.status).toBe('cancelled');
    expect(timeline(caseId).at(-1)).toEqual([
      'Rina (spv-1)',
      'cancelled',
      '{"status":"cancelled"}',
    ]);
  });

  it("keeps the status its dispatches give it when a field says a dispatch's status", () => {
    const caseId = fromDesk2();
    replica.changed(event(2, sari, caseId, { fields: { status: 'dispatched' } }));
    expect(shown(caseId)!.status).toBe('new');
    replica.changed(event(3, sari, caseId, { fields: { status: 'closed' } }));
    expect(shown(caseId)!.status).toBe('closed');
  });

  it('keeps the timeline of what a conflicting edit replaced', () => {
    const caseId = fromDesk2();
    replica.conflict(
      event(2, spv, caseId, { type: 'case.conflict', fields: { description: 'Rumah terbakar' } }),
    );
    expect(timeline(caseId).at(-1)).toEqual([
      'Rina (spv-1)',
      'conflict',
      '{"description":"Rumah terbakar"}',
    ]);
    // A conflict about a case this desk does not hold changes nothing.
    expect(() =>
      replica.conflict(event(3, spv, uuidv7(), { type: 'case.conflict', fields: {} })),
    ).not.toThrow();
  });
});

describe('takeovers and entries', () => {
  it('records who holds the case, and lets this desk edit once it took it over', () => {
    const caseId = fromDesk2();
    replica.claimed(event(2, budi, caseId, { type: 'case.claimed', holder: THIS_DESK }));
    expect(shown(caseId)).toMatchObject({ holderDesk: THIS_DESK, mayEdit: true });
    // This desk's own takeover is on its timeline already, written when it was made.
    expect(timeline(caseId).map((t) => t[1])).toEqual(['created']);

    replica.claimed(event(3, sari, caseId, { type: 'case.claimed', holder: 'desk-2' }));
    expect(shown(caseId)).toMatchObject({ holderDesk: 'desk-2', mayEdit: false });
    expect(timeline(caseId).at(-1)).toEqual(['Sari (desk-2)', 'claimed', 'desk-2']);
  });

  it("puts other desks' notes, co-reporters and OPD calls on the timeline, not its own", () => {
    const caseId = fromDesk2();
    const dispatchId = uuidv7();
    const appended = (seq: number, actor: Actor, entry: CaseEntry) =>
      replica.appended(event(seq, actor, caseId, { type: 'case.appended', entry }));
    appended(2, sari, { kind: 'note', text: 'Api sudah membesar' });
    appended(3, sari, {
      kind: 'co_reporter',
      text: 'Tetangga, 0812…',
      callId: uuidv7(),
      callerName: 'Tetangga',
      callerNumber: null,
    });
    appended(4, sari, { kind: 'opd_called', dispatchId, text: 'Damkar' });
    appended(5, budi, { kind: 'note', text: 'written here already' });
    expect(timeline(caseId).slice(1)).toEqual([
      ['Sari (desk-2)', 'note', 'Api sudah membesar'],
      ['Sari (desk-2)', 'co_reporter', 'Tetangga, 0812…'],
      // Reads like this desk's own "OPD phoned" entry.
      ['Sari (desk-2)', 'dispatch.called', 'Damkar'],
    ]);
  });
});

describe("this desk's pending edits", () => {
  it('show over the hub until acknowledged; the hub ordering them last, they stay', () => {
    const caseId = fromDesk2();
    replica.claimed(event(2, budi, caseId, { type: 'case.claimed', holder: THIS_DESK }));
    const mine = editHere(caseId, { description: 'Dua rumah terbakar' }, 2);
    expect(shown(caseId)!.description).toBe('Dua rumah terbakar');

    // desk-2's edit reached the hub first: the operator still sees their own.
    replica.changed(event(3, sari, caseId, { fields: { description: 'Api padam' } }));
    expect(shown(caseId)!.description).toBe('Dua rumah terbakar');

    acked(mine, 4);
    replica.changed(event(4, budi, caseId, { fields: { description: 'Dua rumah terbakar' } }));
    expect(shown(caseId)!.description).toBe('Dua rumah terbakar');
    // Only desk-2's edit is news on this desk's timeline.
    expect(timeline(caseId).filter((t) => t[1] === 'edited')).toEqual([
      ['Sari (desk-2)', 'edited', '{"description":"Api padam"}'],
    ]);
  });

  it("give way to the hub's record once the hub has them and orders a later edit after", () => {
    const caseId = fromDesk2();
    replica.claimed(event(2, budi, caseId, { type: 'case.claimed', holder: THIS_DESK }));
    const mine = editHere(caseId, { description: 'Dua rumah terbakar', urgency: 'non_darurat' }, 2);
    acked(mine, 4);
    // desk-2's edit at 3 came before this desk's at 4: this desk's still shows.
    replica.changed(event(3, sari, caseId, { fields: { description: 'Api padam' } }));
    expect(shown(caseId)).toMatchObject({ description: 'Dua rumah terbakar' });
    replica.changed(
      event(4, budi, caseId, {
        fields: { description: 'Dua rumah terbakar', urgency: 'non_darurat' },
      }),
    );
    // desk-2's next edit, at 5, is the hub's last word on the description.
    replica.changed(event(5, sari, caseId, { fields: { description: 'Api sudah padam' } }));
    expect(shown(caseId)).toMatchObject({ description: 'Api sudah padam', urgency: 'non_darurat' });
  });

  it('returns only what changed on screen when refreshed', () => {
    const caseId = fromDesk2();
    outbox.enqueue(
      'case.upsert',
      uuidv7(),
      { changeId: uuidv7(), caseId, baseSeq: 1, fields: { landmark: 'dekat pasar' }, actor: budi },
      T0,
    );
    expect(replica.refresh(caseId, 1, T0)).toEqual({ landmark: 'dekat pasar' });
    expect(replica.refresh(caseId, 1, T0)).toEqual({});
    expect(replica.refresh(uuidv7(), 1, T0)).toEqual({});
  });
});
