/**
 * A hub outage between the console and the OPD inbox, in Chromium against real processes:
 * dispatches recorded while the hub is down wait in the desk's outbox and each reaches the
 * inbox exactly once after the restart; a clerk's action taken while the hub is away is
 * sent when it is back and applied once.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './support/test';
import { io } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import {
  freePort,
  randomToken,
  startHub,
  startLauncher,
  tempDir,
  writeTokens,
  type HubProc,
  type LauncherProc,
} from '../support/processes';
import { inboxItem, inboxList, openInbox } from './support/inbox';
import {
  closeCase,
  dlhDispatch,
  openCase,
  queueRow,
  recordCase,
  signInOperator,
} from './support/operator';

let launcher: LauncherProc | undefined;
const hubs: HubProc[] = [];

test.afterEach(async () => {
  await launcher?.stop();
  launcher = undefined;
  for (const h of hubs.splice(0)) await h.stop();
});

/** A hub of the test's own on a fixed port (so it can be restarted there), with one desk and DLH. */
async function startOwnHub() {
  const dir = tempDir('sigap-e2e-');
  const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
  const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Petugas DLH' };
  const tokensFile = writeTokens(dir, [desk, dlh]);
  const hubData = path.join(dir, 'hub-data');
  const port = await freePort();
  hubs.push(await startHub(hubData, tokensFile, port));
  return { dir, desk, dlh, tokensFile, hubData, port };
}

test('with the hub down three dispatches wait; after its restart each arrives exactly once', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const { dir, desk, dlh, tokensFile, hubData, port } = await startOwnHub();
  launcher = await startLauncher(path.join(dir, 'console'), {
    url: `http://127.0.0.1:${port}`,
    token: desk.token,
  });

  const { context, clerk } = await openInbox(browser, `http://127.0.0.1:${port}/`, dlh.token, '');
  await expect(clerk.getByText('Petugas: Petugas DLH')).toBeVisible(); // the token's person
  await signInOperator(page, launcher);
  const hubLink = page.getByRole('status', { name: 'Koneksi hub' });
  await expect(hubLink).toHaveText(/Hub terhubung/);

  await hubs.pop()!.stop();
  await expect(hubLink).toHaveText(/Hub terputus/, { timeout: 20_000 });
  await expect(clerk.getByRole('status', { name: 'Koneksi hub' })).toHaveText(
    'Terputus — menyambung ulang otomatis…',
    { timeout: 20_000 },
  );

  const descriptions = [
    'Sampah liar di bantaran kali',
    'Tumpukan sampah dekat sekolah',
    'Bak sampah terbakar',
  ];
  for (const description of descriptions) {
    await recordCase(page, { description });
    const dialog = await openCase(page, description);
    await page.keyboard.press('Alt+K');
    await expect(dlhDispatch(dialog)).toContainText('menunggu dikirim');
    await closeCase(page);
    await expect(queueRow(page, description)).toContainText('Menunggu kirim');
  }
  // Counted as the operator knows them: three cases, three dispatches (not six messages).
  const outbox = page.getByRole('status', { name: 'Antrean kirim ke hub' });
  await expect(outbox).toHaveText('3 laporan, 3 disposisi menunggu dikirim');

  hubs.push(await startHub(hubData, tokensFile, port));
  await expect(hubLink).toHaveText(/Hub terhubung/, { timeout: 30_000 });
  await expect(outbox).toHaveText('', { timeout: 30_000 }); // the badge clears

  // The clerk's page reconnected by itself: exactly those three, each once.
  await expect(clerk.getByRole('status', { name: 'Koneksi hub' })).toHaveText('Terhubung', {
    timeout: 30_000,
  });
  for (const description of descriptions)
    await expect(inboxItem(clerk, description)).toHaveCount(1);
  await expect(inboxList(clerk).getByRole('listitem')).toHaveCount(3);
  for (const description of descriptions) {
    await expect(queueRow(page, description)).toContainText('Terkirim ke OPD');
  }

  const db = new Database(path.join(hubData, 'hub.db'), { readonly: true });
  try {
    const rows = db
      .prepare<[], { id: string; n: number }>(
        `SELECT d.id, (SELECT count(*) FROM events e WHERE e.type = 'dispatch.status'
           AND json_extract(e.body, '$.dispatchId') = d.id
           AND json_extract(e.body, '$.status') = 'queued') AS n
         FROM dispatches d WHERE d.opd_id = 'dlh'`,
      )
      .all();
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.n)).toEqual([1, 1, 1]);
  } finally {
    db.close();
  }
  await context.close();
});

test('an action taken while the hub is away is sent when it is back, and applied once', async ({
  browser,
}) => {
  const { desk, dlh, tokensFile, hubData, port } = await startOwnHub();

  // A desk on the wire (the console is not the subject here) sends one case to DLH.
  const deskSocket = io(`http://127.0.0.1:${port}/desk`, {
    auth: { token: desk.token },
    transports: ['websocket'],
  });
  const actor = { id: 'desk-1', role: 'desk', person: 'Operator Demo' };
  const caseId = uuidv7();
  const dispatchId = uuidv7();
  try {
    const fields = { categoryId: 'sampah', urgency: 'non_darurat', description: 'Sampah di gang' };
    const upsert = { changeId: uuidv7(), caseId, baseSeq: 0, fields, actor };
    expect(await deskSocket.timeout(10_000).emitWithAck('case.upsert', upsert)).toMatchObject({
      ok: true,
    });
    const dispatch = { dispatchId, caseId, opdId: 'dlh', actor };
    expect(await deskSocket.timeout(10_000).emitWithAck('dispatch', dispatch)).toMatchObject({
      ok: true,
    });
  } finally {
    deskSocket.close();
  }

  const { context, clerk } = await openInbox(
    browser,
    `http://127.0.0.1:${port}/`,
    dlh.token,
    'Sari',
  );
  const item = inboxItem(clerk, 'Sampah di gang');
  await expect(item).toBeVisible();
  await hubs.pop()!.stop();
  const link = clerk.getByRole('status', { name: 'Koneksi hub' });
  await expect(link).toHaveText('Terputus — menyambung ulang otomatis…', { timeout: 20_000 });

  await item.focus();
  await clerk.keyboard.press('t');
  await expect(item.getByRole('status')).toHaveText('Menunggu koneksi; dikirim ulang otomatis');
  await expect(item.getByRole('button', { name: /Terima/ })).toBeDisabled();

  hubs.push(await startHub(hubData, tokensFile, port));
  await expect(link).toHaveText('Terhubung', { timeout: 30_000 });
  await expect(item.getByText('Diterima', { exact: true })).toBeVisible();
  await expect(item.getByRole('status')).toHaveCount(0);

  const db = new Database(path.join(hubData, 'hub.db'), { readonly: true });
  try {
    const accepted = db
      .prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM events WHERE type = 'dispatch.status'
           AND json_extract(body, '$.dispatchId') = ? AND json_extract(body, '$.status') = 'accepted'`,
      )
      .get(dispatchId);
    expect(accepted?.n).toBe(1);
    expect(
      db
        .prepare<[string], { status: string }>('SELECT status FROM dispatches WHERE id = ?')
        .get(dispatchId)?.status,
    ).toBe('accepted');
  } finally {
    db.close();
  }
  await context.close();
});
