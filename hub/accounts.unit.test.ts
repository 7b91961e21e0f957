/**
 * Person tokens and the audit log at the hub, on a real store with a test clock: every
 * supervisor-only message (blocks, accounts,
 * alarms, escalations, re-routes, hand-overs, signed reports) refused for an operator, a
 * disabled supervisor, no token, an unknown and an expired token, with its code and nothing
 * changed; a disabled person's token stops working at once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PERSON_TOKEN_TTL_MS } from '../shared/domain/account';
import type { HubAck } from '../shared/hub/messages';
import { actorOf, desk1, FIELDS, T0 } from '../tests/support/center-record';
import {
  firstSupervisor,
  PASSWORD,
  passwordHash,
  person,
  signIn,
  type Person,
} from '../tests/support/people';
import { createCenterRecord, type CenterRecord } from './center-record';
import { openHubStore, type HubStore } from './store/database';

let dir = '';
let db: HubStore;
let record: CenterRecord;
let clock = T0;
let hash = '';
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-accounts-'));
  db = openHubStore(dir);
  clock = T0;
  record = createCenterRecord(db, new Set(['dlh', 'dishub']), () => clock);
  hash = await passwordHash();
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Everything a refused message must leave as it was. */
const snapshot = () => ({
  events: record.sync(0, 1000).events,
  accounts: db.prepare('SELECT * FROM accounts ORDER BY id').all(),
  blocks: db.prepare('SELECT * FROM blocks').all(),
  audit: db.prepare('SELECT * FROM audit').all(),
  cases: db.prepare('SELECT * FROM cases').all(),
  editors: db.prepare('SELECT * FROM case_editors ORDER BY desk_id').all(),
  dispatches: db.prepare('SELECT * FROM dispatches ORDER BY id').all(),
  acks: db.prepare('SELECT * FROM alarm_acks').all(),
  escalations: db.prepare('SELECT * FROM escalations').all(),
  reports: db.prepare('SELECT * FROM reports').all(),
});

/** A signed report's snapshot and the hash it was signed with. */
const REPORT = '{"calls":12,"cases":3}';
const REPORT_HASH = createHash('sha256').update(REPORT, 'utf8').digest('hex');

describe('supervisor-only messages', () => {
  let boss: Person;
  let target: Person;
  let blockId: string;
  let caseId: string;
  let dispatchId: string;
  beforeEach(() => {
    boss = firstSupervisor(record, hash);
    target = person(record, boss, 'operator', 'target', hash);
    caseId = uuidv7();
    dispatchId = uuidv7();
    const opened = record.upsertCase(desk1, {
      changeId: uuidv7(),
      caseId,
      baseSeq: 0,
      fields: FIELDS,
      actor: actorOf(desk1),
    });
    expect(opened.ack.ok).toBe(true);
    const sent = record.dispatch(desk1, {
      dispatchId,
      caseId,
      opdId: 'dlh',
      actor: actorOf(desk1),
    });
    expect(sent.ack.ok).toBe(true);
    blockId = uuidv7();
    const set = record.block(desk1, {
      blockId,
      number: '+6281234567890',
      reason: 'Ancaman',
      until: T0 + 3_600_000,
      personToken: boss.token,
      actor: actorOf(desk1),
    });
    expect(set.ack.ok).toBe(true);
  });

  // The new messages also carry `personRole: 'supervisor'`, what a desk may claim: ignored.
  const messages: Array<[string, (token: string | undefined) => HubAck<object>]> = [
    [
      'caller.block',
      (token) =>
        record.block(desk1, {
          blockId: uuidv7(),
          number: '+6281111111111',
          reason: 'Iseng',
          until: T0 + 3_600_000,
          personRole: 'supervisor',
          ...(token ? { personToken: token } : {}),
          actor: actorOf(desk1),
        }).ack,
    ],
    [
      'caller.unblock',
      (token) =>
        record.unblock(desk1, {
          unblockId: uuidv7(),
          blockId,
          personRole: 'supervisor',
          ...(token ? { personToken: token } : {}),
          actor: actorOf(desk1),
        }).ack,
    ],
    [
      'account.create',
      (token) =>
        record.accounts.create(
          {
            accountId: uuidv7(),
            username: 'baru',
            displayName: 'Baru',
            role: 'supervisor',
            password: PASSWORD,
            personToken: token ?? '',
            actor: actorOf(desk1),
          },
          hash,
        ).ack,
    ],
    [
      'account.setEnabled',
      (token) =>
        record.accounts.setEnabled({
          accountId: target.account.id,
          enabled: false,
          personToken: token ?? '',
          actor: actorOf(desk1),
        }).ack,
    ],
    [
      'account.resetPassword',
      (token) =>
        record.accounts.resetPassword(
          {
            accountId: target.account.id,
            password: 'kata-sandi-baru',
            personToken: token ?? '',
            actor: actorOf(desk1),
          },
          'scrypt$16384$8$1$AAAA$CCCC',
        ).ack,
    ],
    [
      'alarm.ack',
      (token) =>
        record.ackAlarm(desk1, {
          ackId: uuidv7(),
          dispatchId,
          level: 'breached',
          arming: 0,
          personRole: 'supervisor',
          ...(token ? { personToken: token } : {}),
          actor: actorOf(desk1),
        }).ack,
    ],
    [
      'case.escalate',
      (token) =>
        record.escalate(desk1, {
          escalateId: uuidv7(),
          dispatchId,
          note: 'Mohon segera',
          personRole: 'supervisor',
          ...(token ? { personToken: token } : {}),
          actor: actorOf(desk1),
        }).ack,
    ],
    [
      'case.reroute',
      (token) =>
        record.reroute(desk1, {
          rerouteId: uuidv7(),
          dispatchId,
          newDispatchId: uuidv7(),
          opdId: 'dishub',
          reason: 'Bukan DLH',
          personRole: 'supervisor',
          ...(token ? { personToken: token } : {}),
          actor: actorOf(desk1),
        }).ack,
    ],
    [
      'case.assign',
      (token) =>
        record.assign(desk1, {
          assignId: uuidv7(),
          caseId,
          toDesk: 'desk-2',
          personRole: 'supervisor',
          ...(token ? { personToken: token } : {}),
          actor: actorOf(desk1),
        }).ack,
    ],
    [
      'report.sign',
      (token) =>
        record.signReport(desk1, {
          reportId: uuidv7(),
          kind: 'shift',
          date: '2026-11-28',
          shiftId: 'pagi',
          periodStart: T0,
          periodEnd: T0 + 8 * 3_600_000,
          snapshot: REPORT,
          hash: REPORT_HASH,
          signedAt: T0 + 8 * 3_600_000,
          signerName: 'Kepala Regu',
          offline: false,
          personRole: 'supervisor',
          ...(token ? { personToken: token } : {}),
          actor: actorOf(desk1),
        }).ack,
    ],
  ];

  /** Who sends: a token, and the code the hub must answer with. */
  const senders: Array<[string, () => string | undefined, string]> = [
    [
      'an operator',
      () => person(record, boss, 'operator', 'siti', hash).token,
      'auth.not_supervisor',
    ],
    [
      'a disabled supervisor',
      () => {
        const other = person(record, boss, 'supervisor', 'wakil', hash);
        const off = record.accounts.setEnabled({
          accountId: other.account.id,
          enabled: false,
          personToken: boss.token,
          actor: actorOf(desk1),
        });
        expect(off.ack.ok).toBe(true);
        return other.token;
      },
      'auth.token_invalid',
    ],
    ['no token', () => undefined, 'auth.token_invalid'],
    ['an unknown token', () => 'not-a-token-the-hub-gave-0123456789', 'auth.token_invalid'],
    [
      'an expired token',
      () => {
        const token = boss.token;
        clock = T0 + PERSON_TOKEN_TTL_MS + 1;
        return token;
      },
      'auth.token_invalid',
    ],
  ];

  describe.each(senders)('from %s', (_who, tokenOf, code) => {
    it.each(messages)('refuses %s and changes nothing', (_name, send) => {
      const token = tokenOf();
      const before = snapshot();
      expect(send(token)).toMatchObject({ ok: false, error: { code } });
      expect(snapshot()).toEqual(before);
    });
  });

  it('takes each from a supervisor, audited with who and which desk', () => {
    for (const [, send] of messages) expect(send(boss.token)).toMatchObject({ ok: true });
    const actions = record.audit.list({ limit: 50 }).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'caller.block',
        'caller.unblock',
        'account.create',
        'account.disable',
        'account.reset_password',
        'alarm.ack',
        'case.escalate',
        'case.reroute',
        'case.assign',
        'report.sign',
      ]),
    );
    expect(record.audit.list({ action: 'report.sign', limit: 5 })).toEqual([
      expect.objectContaining({
        person: 'Kepala Regu',
        desk: 'desk-1',
        details: expect.objectContaining({
          periodStart: T0,
          periodEnd: T0 + 8 * 3_600_000,
          hash: REPORT_HASH,
          offline: false,
        }),
      }),
    ]);
    expect(record.audit.list({ action: 'account.disable', limit: 5 })).toEqual([
      expect.objectContaining({ person: 'Kepala Regu', desk: 'desk-1' }),
    ]);
  });

  it('keeps a disabled person from acting with a token they already had', () => {
    const wakil = person(record, boss, 'supervisor', 'wakil', hash);
    record.accounts.setEnabled({
      accountId: wakil.account.id,
      enabled: false,
      personToken: boss.token,
      actor: actorOf(desk1),
    });
    expect(messages[0]![1](wakil.token)).toMatchObject({
      ok: false,
      error: { code: 'auth.token_invalid' },
    });
    // Enabled again, they sign in afresh; the old token stays dead.
    record.accounts.setEnabled({
      accountId: wakil.account.id,
      enabled: true,
      personToken: boss.token,
      actor: actorOf(desk1),
    });
    expect(messages[0]![1](wakil.token)).toMatchObject({ ok: false });
    expect(messages[0]![1](signIn(record, 'wakil', hash))).toMatchObject({ ok: true });
  });

  it('never lets the last supervisor be disabled', () => {
    const self = record.accounts.setEnabled({
      accountId: boss.account.id,
      enabled: false,
      personToken: boss.token,
      actor: actorOf(desk1),
    });
    expect(self.ack).toMatchObject({ ok: false, error: { code: 'account.last_supervisor' } });
  });
});
