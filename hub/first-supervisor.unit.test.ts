/**
 * The first supervisor and sessions at the hub, on a real store: the first supervisor only
 * on an empty hub, replicated and audited; a wrong password hash or a disabled account
 * opens no session, and a disabled person's token stops working at once.
 */
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf, desk1, useCenterRecord } from '../tests/support/center-record';
import { firstSupervisor, PASSWORD, passwordHash, person } from '../tests/support/people';

const h = useCenterRecord();
let hash = '';
beforeAll(async () => void (hash = await passwordHash()));

/** Everything a refused bootstrap must leave as it was. */
const snapshot = () => ({
  events: h.record.sync(0, 1000).events,
  accounts: h.store().prepare('SELECT * FROM accounts ORDER BY id').all(),
  audit: h.store().prepare('SELECT * FROM audit').all(),
});

describe('the first supervisor', () => {
  it('is made on an empty hub, replicated as an event, and audited', () => {
    const boss = firstSupervisor(h.record, hash);
    expect(boss.account).toMatchObject({ username: 'kepala', role: 'supervisor', enabled: true });
    const [event] = h.record.sync(0, 10).events;
    expect(event).toMatchObject({ type: 'account.changed', account: { username: 'kepala' } });
    expect(h.record.audit.list({ limit: 10 })).toEqual([
      expect.objectContaining({
        action: 'account.bootstrap',
        person: 'Kepala Regu',
        desk: 'desk-1',
      }),
    ]);
  });

  it('is refused once the hub has any account', () => {
    firstSupervisor(h.record, hash);
    const before = snapshot();
    const again = h.record.accounts.bootstrap(
      {
        accountId: uuidv7(),
        username: 'penyusup',
        displayName: 'Penyusup',
        password: PASSWORD,
        actor: actorOf(desk1),
      },
      hash,
    );
    expect(again.ack).toMatchObject({ ok: false, error: { code: 'account.exists' } });
    expect(snapshot()).toEqual(before);
  });
});

describe('sessions', () => {
  it('refuse a wrong password hash and a disabled account', () => {
    const boss = firstSupervisor(h.record, hash);
    const op = person(h.record, boss, 'operator', 'budi', hash);
    expect(
      h.record.accounts.openSession('budi', 'scrypt$1$1$1$AAAA$BBBB', 'desk-1', 'x'.repeat(32)).ack,
    ).toMatchObject({ ok: false, error: { code: 'auth.bad_credentials' } });
    h.record.accounts.setEnabled({
      accountId: op.account.id,
      enabled: false,
      personToken: boss.token,
      actor: actorOf(desk1),
    });
    expect(h.record.accounts.openSession('budi', hash, 'desk-1', 'y'.repeat(32)).ack).toMatchObject(
      {
        ok: false,
        error: { code: 'auth.account_disabled' },
      },
    );
    expect(h.record.auth.person(op.token)).toMatchObject({ ok: false, code: 'auth.token_invalid' });
  });
});
