/**
 * Duplicate reports through the real core and a real SQLite store: which open cases are
 * suggested while a call is recorded (window edges, a similar place, ranking), caller text
 * that can never act as FTS5 syntax, and joining a case as a co-reporter exactly once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DuplicateSuggestion } from '../../shared/domain/duplicates';
import { emptyIntakeForm, type IntakeForm } from '../../shared/domain/intake';
import { openLocalCore, signInOperator } from '../../tests/support/desk-cores';
import { oneScreen, type OneScreenCore } from '../../tests/support/one-screen';
import { readDuplicateRules } from './duplicate-rules';
import { placeWords, similarPlaceQuery } from './store/place-words';

const resourcesDir = path.resolve(__dirname, '..', '..', 'resources', 'data');
const rules = readDuplicateRules(resourcesDir);
const MINUTE = 60_000;
const T0 = Date.parse('2026-11-02T03:00:00Z');
let clock = T0;
let dir: string;
let core: OneScreenCore;

beforeEach(async () => {
  clock = T0;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-dups-'));
  const opened = openLocalCore(dir, () => clock);
  oneScreen(opened);
  core = opened;
  await signInOperator(core);
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T = unknown>(channel: string, args: unknown): Promise<T> {
  const r = await core.call(channel, args);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), r.error);
  return r.value as T;
}

const form = (over: Partial<IntakeForm> = {}): IntakeForm => ({
  ...emptyIntakeForm(),
  callerNumber: '0812 3456 7890',
  callerName: 'Budi',
  categoryId: 'pohon-tumbang',
  urgency: 'darurat',
  description: 'Pohon besar tumbang menutup jalan',
  kecamatanId: 'taman',
  kelurahanId: 'kejuron',
  address: 'Jl. Pahlawan 12',
  landmark: 'depan Bank Jatim',
  ...over,
});

/** A case whose call started at `at` (its creation time). */
async function saveCase(over: Partial<IntakeForm>, at: number): Promise<string> {
  const saved = await call<{ caseId: string }>('intake.save', {
    callId: uuidv7(),
    startedAt: at,
    form: form(over),
  });
  return saved.caseId;
}

const suggest = async (q: Partial<Record<string, string>>, now = clock) => {
  clock = now;
  const { suggestions } = await call<{ suggestions: DuplicateSuggestion[] }>('case.duplicates', {
    categoryId: '',
    kelurahanId: '',
    address: '',
    landmark: '',
    ...q,
  });
  return suggestions;
};
const area = { categoryId: 'pohon-tumbang', kelurahanId: 'kejuron' };
const store = () => new Database(path.join(dir, 'console', 'console.db'), { readonly: true });

describe('duplicate suggestions', () => {
  it('suggests an open case of the same category and kelurahan up to the window edge, not a moment after', async () => {
    const window = rules.sameAreaWindowMinutesByCategory['pohon-tumbang']! * MINUTE;
    const caseId = await saveCase({ address: '', landmark: '' }, T0);
    expect((await suggest(area, T0 + window)).map((s) => [s.caseId, s.reason])).toEqual([
      [caseId, 'area'],
    ]);
    expect(await suggest(area, T0 + window + 1)).toEqual([]);
  });

  it('uses the default window for a category without its own', async () => {
    expect(rules.sameAreaWindowMinutesByCategory.sampah).toBeUndefined();
    const window = rules.sameAreaWindowMinutes * MINUTE;
    await saveCase({ categoryId: 'sampah', urgency: 'non_darurat', address: '', landmark: '' }, T0);
    const q = { categoryId: 'sampah', kelurahanId: 'kejuron' };
    expect(await suggest(q, T0 + window)).toHaveLength(1);
    expect(await suggest(q, T0 + window + 1)).toEqual([]);
  });

  it('passes over another category, another kelurahan and a cancelled case', async () => {
    await saveCase({ categoryId: 'sampah', address: '', landmark: '' }, T0);
    await saveCase({ kecamatanId: 'taman', kelurahanId: 'pandean', address: '', landmark: '' }, T0);
    const cancelled = await saveCase({ address: '', landmark: '' }, T0);
    await call('case.cancel', { caseId: cancelled, reason: 'Laporan keliru' });
    expect(await suggest(area, T0 + MINUTE)).toEqual([]);
  });

  it('finds a similar address or landmark in another kelurahan, and ranks a case matching both ways first', async () => {
    const elsewhere = await saveCase(
      {
        categoryId: 'jalan-rusak',
        urgency: 'non_darurat',
        kelurahanId: 'pandean',
        address: 'Jl. Salak 3',
        landmark: 'dekat Masjid Baiturrahman',
      },
      T0,
    );
    const same = await saveCase({ address: 'Jl. Salak 40', landmark: 'seberang minimarket' }, T0);
    const unrelated = await saveCase({ address: 'Jl. Serayu 1', landmark: 'dekat jembatan' }, T0);
    const found = await suggest(
      { ...area, address: 'jalan salak', landmark: 'masjid baiturr' },
      T0 + 5 * MINUTE,
    );
    expect(found.map((s) => [s.caseId, s.reason])).toEqual([
      [same, 'both'],
      [unrelated, 'area'],
      [elsewhere, 'text'],
    ]);
    // Text alone, with nothing else typed yet.
    expect((await suggest({ landmark: 'Baiturrahman' })).map((s) => s.caseId)).toEqual([elsewhere]);
  });

  it('does not search a kelurahan or kecamatan name typed in the address', async () => {
    await saveCase({ categoryId: 'sampah', address: 'Jl. Serayu 1, Kejuron, Taman' }, T0);
    expect(await suggest({ address: 'Kejuron, Taman' })).toEqual([]);
    expect(await suggest({ address: 'Serayu, Kejuron' })).toHaveLength(1);
  });

  it('looks for a similar place only within the text window', async () => {
    await saveCase({ kelurahanId: 'pandean', address: 'Jl. Salak 3' }, T0);
    const edge = T0 + rules.textWindowHours * 60 * MINUTE;
    expect(await suggest({ address: 'Salak' }, edge)).toHaveLength(1);
    expect(await suggest({ address: 'Salak' }, edge + 1)).toEqual([]);
  });

  it('lists at most the rules’ number, each with what the operator needs to decide', async () => {
    for (let i = 0; i < rules.maxSuggestions + 2; i++) {
      await saveCase({ address: '', landmark: '' }, T0 + i * MINUTE);
    }
    const found = await suggest(area, T0 + 30 * MINUTE);
    expect(found).toHaveLength(rules.maxSuggestions);
    // Newest first.
    expect(found.map((s) => s.createdAt)).toEqual(
      [...found.map((s) => s.createdAt)].sort((a, b) => b - a),
    );
    expect(found[0]).toMatchObject({
      categoryId: 'pohon-tumbang',
      kecamatanId: 'taman',
      kelurahanId: 'kejuron',
      opd: null,
      reporters: 1,
      status: 'new',
    });
    await call('case.dispatch', { caseId: found[0]!.caseId, opdIds: ['dlh'] });
    expect((await suggest(area))[0]).toMatchObject({ opd: 'DLH' });
  });

  it('never lets caller text act as FTS5 syntax', async () => {
    const pahlawan = await saveCase({ kelurahanId: 'pandean', address: 'Jl. Pahlawan 12' }, T0);
    const hostile = [
      '"',
      '*',
      'NEAR(',
      ')',
      '"Pahlawan',
      'Pahlawan" OR "',
      'Pahlawan*',
      'NEAR(Pahlawan, Bank)',
      '{address}: Pahlawan',
      'address:Pahlawan',
      '-Pahlawan',
      '^Pahlawan',
      'Pahlawan AND',
      'NOT Pahlawan',
      '((((',
      '"*"',
      "'; DROP TABLE cases; --",
      '\u0000Pahlawan',
    ];
    for (const text of hostile) {
      const found = await suggest({ address: text, landmark: text });
      const expected = /pahlawan/i.test(text) ? [pahlawan] : [];
      expect(
        found.map((s) => s.caseId),
        text,
      ).toEqual(expected);
    }
    // Operator words are words: a bare OR or NEAR is a term, quoted, never an operator.
    expect(similarPlaceQuery(placeWords('NEAR( "Pahlawan" OR * )', rules))).toBe(
      '{address landmark} : ("near"* OR "pahlawan"*)',
    );
    expect(similarPlaceQuery(placeWords('" * ( ) : ^ -', rules))).toBeUndefined();
  });

  it('refuses a malformed question with the field named', async () => {
    const r = await core.call('case.duplicates', {
      categoryId: 'Pohon Tumbang!',
      kelurahanId: '',
      address: '',
      landmark: '',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'api.invalid_args' } });
    expect(!r.ok && r.error.fields).toHaveProperty('categoryId');
  });
});

describe('joining a case as a co-reporter', () => {
  const caller = { callerNumber: '0813 1111 2222', withheld: false, callerName: 'Siti' };

  it('records the call on the case, counts the caller once and sends one co_reporter entry, dispatching nothing', async () => {
    const caseId = await saveCase({}, T0);
    await call('case.dispatch', { caseId, opdIds: ['dlh'] });
    clock = T0 + 10 * MINUTE;
    const callId = uuidv7();
    const join = { callId, startedAt: T0 + 9 * MINUTE, caseId, caller };
    expect(await call('case.join', join)).toEqual({
      caseId,
      callId,
      joinedAt: clock,
      duplicate: false,
      reporters: 2,
    });
    // A retry (a lost answer, a double key press) changes nothing.
    expect(await call('case.join', join)).toMatchObject({ duplicate: true, reporters: 2 });

    const detail = await call<{
      reporters: number;
      calls: Array<{ callId: string; disposition: string; callerNumber: string | null }>;
      timeline: Array<{ kind: string; note: string | null }>;
      dispatches: unknown[];
    }>('case.get', { caseId });
    expect(detail.reporters).toBe(2);
    expect(detail.calls.map((c) => [c.disposition, c.callerNumber])).toEqual([
      ['case', '+6281234567890'],
      ['case', '+6281311112222'],
    ]);
    expect(detail.timeline.filter((t) => t.kind === 'co_reporter')).toEqual([
      expect.objectContaining({ note: 'Siti, 0813•••••222' }),
    ]);
    expect(detail.dispatches).toHaveLength(1);
    expect((await suggest(area))[0]).toMatchObject({ caseId, reporters: 2 });

    const db = store();
    const outbox = db.prepare('SELECT kind, payload FROM outbox ORDER BY id').all() as Array<{
      kind: string;
      payload: string;
    }>;
    db.close();
    expect(outbox.map((r) => r.kind)).toEqual(['case.upsert', 'dispatch', 'case.append']);
    expect(JSON.parse(outbox[2]!.payload)).toMatchObject({
      caseId,
      entry: {
        kind: 'co_reporter',
        callId,
        callerName: 'Siti',
        callerNumber: '+6281311112222',
      },
    });
  });

  it('takes a withheld caller with no name', async () => {
    const caseId = await saveCase({}, T0);
    const r = await call<{ reporters: number }>('case.join', {
      callId: uuidv7(),
      startedAt: T0,
      caseId,
      caller: { callerNumber: '', withheld: true, callerName: '' },
    });
    expect(r.reporters).toBe(2);
  });

  it('refuses a cancelled case, an unknown case and a bad number, changing nothing', async () => {
    const caseId = await saveCase({}, T0);
    await call('case.cancel', { caseId, reason: 'Laporan keliru' });
    const join = (over: object) =>
      core.call('case.join', { callId: uuidv7(), startedAt: T0, caseId, caller, ...over });
    expect(await join({})).toMatchObject({ ok: false, error: { code: 'case.closed' } });
    expect(await join({ caseId: uuidv7() })).toMatchObject({
      ok: false,
      error: { code: 'case.not_found' },
    });
    const bad = await join({ caller: { ...caller, callerNumber: '12' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'api.invalid_args' } });
    expect(!bad.ok && bad.error.fields).toEqual({ 'caller.callerNumber': 'intake.number_invalid' });
    const db = store();
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM case_reporters) AS reporters,
                (SELECT count(*) FROM outbox WHERE kind = 'case.append') AS appends`,
      )
      .get();
    db.close();
    expect(counts).toEqual({ calls: 1, reporters: 0, appends: 0 });
  });
});
