/**
 * Signed reports reach the hub: a real hub process and a desk core. A report signed while
 * the hub is down is kept at the desk, marked offline, and stored at the hub (same hash,
 * still marked offline) once the hub is back; the hub refuses a snapshot that does not give
 * its hash and a sign-off that is not a supervisor's, stores a repeat once and keeps a
 * second sign-off of the same shift beside the first.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import type { SignedReport } from '../../shared/domain/report';
import { writeDemoAccounts } from '../../electron/core/auth/demo-accounts';
import { call, centerDemoAccounts, demoAccounts, openDeskCore } from '../support/desk-cores';
import { peerSockets, send } from '../support/hub-peers';
import { freePort, randomToken, startHub, tempDir, writeTokens } from '../support/processes';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface HubRow {
  id: string;
  hash: string;
  snapshot: string;
  offline: number;
  desk_id: string;
  signer_name: string;
}

function hubReports(hubDir: string): HubRow[] {
  const db = new Database(path.join(hubDir, 'hub.db'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM reports ORDER BY signed_at, id').all() as HubRow[];
  } finally {
    db.close();
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('report.sign', () => {
  it('a report signed while the hub is down reaches it later, marked offline', async () => {
    const dir = tempDir();
    const token = randomToken();
    const tokensFile = writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]);
    const hubDir = path.join(dir, 'hub');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // The hub knows the desk's people: the report goes once the signer's token is fetched.
    const hubAccounts = centerDemoAccounts(dir, ['desk-1']);
    const core = openDeskCore({ dir, deskId: 'desk-1', hubUrl: url, hubToken: token });
    cleanups.push(() => core.close());
    const accounts = await demoAccounts(core, path.join(dir, 'desk-1'));
    const supervisor = core.openSession();
    const password = (name: string) => accounts.find((a) => a.username === name)!.password;
    await call(supervisor, 'auth.signIn', {
      username: 'supervisor',
      password: password('supervisor'),
    });
    const { current } = await call<{ current: { date: string; shiftId: string } }>(
      supervisor,
      'report.schedule',
      {},
    );
    const { report } = await call<{ report: SignedReport }>(supervisor, 'report.sign', {
      request: {
        kind: 'shift',
        date: current.date,
        shiftId: current.shiftId,
        notes: 'Hub mati',
        outgoing: { name: 'Supervisor Demo', nip: '1' },
        incoming: { name: '', nip: '2' },
        language: 'id',
      },
      signer: { username: 'supervisor2', password: password('supervisor2') },
    });
    expect(report.offline).toBe(true);

    const hub = await startHub(hubDir, tokensFile, port, hubAccounts);
    cleanups.push(() => hub.stop());
    await expect.poll(() => hubReports(hubDir).length, { timeout: 20_000 }).toBe(1);
    const [row] = hubReports(hubDir);
    expect(row).toMatchObject({
      id: report.reportId,
      hash: report.hash,
      offline: 1,
      desk_id: 'desk-1',
      signer_name: 'Supervisor Penerima',
    });
    expect(sha256(row!.snapshot)).toBe(report.hash);
    expect(JSON.parse(row!.snapshot)).toMatchObject({ notes: 'Hub mati' });
  });

  it('refuses a bad hash and a non-supervisor, stores a repeat once, keeps a second beside', async () => {
    const dir = tempDir();
    const token = randomToken();
    const tokensFile = writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]);
    const hubDir = path.join(dir, 'hub');
    const hub = await startHub(hubDir, tokensFile, 0, centerDemoAccounts(dir, []));
    cleanups.push(() => hub.stop());
    const peers = peerSockets();
    cleanups.push(() => peers.closeAll());
    const desk = await peers.connect(`${hub.url}/desk`, token);
    const people = writeDemoAccounts(path.join(dir, 'demo-accounts.json'));
    const tokenOf = async (username: string): Promise<string> => {
      const a = people.find((p) => p.username === username)!;
      const opened = await send(desk, 'session.open', {
        username,
        password: a.password,
        actor: { id: 'desk-1', role: 'desk', person: a.displayName },
      });
      expect(opened).toMatchObject({ ok: true });
      return (opened as { token: string }).token;
    };
    const supervisorToken = await tokenOf('supervisor');

    const snapshot = canonicalJson({ version: 1, notes: '<script>x</script>' });
    const message = (over: object = {}) => ({
      reportId: uuidv7(),
      kind: 'shift',
      date: '2026-11-28',
      shiftId: 'pagi',
      periodStart: Date.UTC(2026, 10, 28, 0),
      periodEnd: Date.UTC(2026, 10, 28, 8),
      snapshot,
      hash: sha256(snapshot),
      signedAt: Date.UTC(2026, 10, 28, 8, 5),
      signerName: 'Rina',
      offline: false,
      personToken: supervisorToken,
      actor: { id: 'desk-1', role: 'desk', person: 'Rina' },
      ...over,
    });

    const bad = await send(desk, 'report.sign', message({ hash: sha256('other') }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'report.bad_hash' } });
    const operatorToken = await tokenOf('operator');
    const operator = await send(desk, 'report.sign', message({ personToken: operatorToken }));
    expect(operator).toMatchObject({ ok: false, error: { code: 'auth.not_supervisor' } });
    // A desk's word that its person is a supervisor, with no token, buys nothing.
    const claimed = await send(
      desk,
      'report.sign',
      message({ personToken: undefined, personRole: 'supervisor' }),
    );
    expect(claimed).toMatchObject({ ok: false, error: { code: 'auth.token_invalid' } });
    const invalid = await send(desk, 'report.sign', message({ snapshot: 7 }));
    expect(invalid).toMatchObject({ ok: false, error: { code: 'protocol.invalid' } });
    expect(hubReports(hubDir)).toEqual([]);

    const first = message();
    const a = (await send(desk, 'report.sign', first)) as { ok: true; storedAt: number };
    expect(a.ok).toBe(true);
    expect(await send(desk, 'report.sign', first)).toEqual(a);
    await send(desk, 'report.sign', message());
    const rows = hubReports(hubDir);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.hash).toBe(rows[1]!.hash);
  });
});
