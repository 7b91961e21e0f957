/**
 * The OPD inbox page served by the hub, in Chromium, beside the console as `npm start`
 * runs it: two browser contexts, the call-taker and the OPD clerk, against real processes
 * (launcher, console host, hub, SQLite). A dispatch shows up in the inbox live; every
 * action of the clerk shows in the console; a hub outage loses and duplicates nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import type { TokensFile } from '../../shared/hub/protocol';
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

let launcher: LauncherProc | undefined;
const hubs: HubProc[] = [];

test.afterEach(async () => {
  await launcher?.stop();
  launcher = undefined;
  for (const h of hubs.splice(0)) await h.stop();
});

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function signInOperator(page: Page, l: LauncherProc): Promise<void> {
  const { accounts } = JSON.parse(
    fs.readFileSync(path.join(l.dataDir, 'demo-accounts.json'), 'utf8'),
  ) as { accounts: Array<{ username: string; password: string }> };
  await page.goto(l.consoleUrl);
  await field(page, 'Nama pengguna').fill('operator');
  await field(page, 'Kata sandi').fill(accounts.find((a) => a.username === 'operator')!.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Panggilan baru/ })).toBeVisible();
}

interface CallIn {
  description: string;
  category?: string;
  kelurahan?: string;
  number?: string;
  callerName?: string;
  anonim?: boolean;
}

/** F2, the fields, Ctrl+Enter: the way an operator records a call. */
async function recordCase(page: Page, call: CallIn): Promise<void> {
  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill(call.number ?? '081234567890');
  if (call.callerName) await field(page, 'Nama penelepon (opsional)').fill(call.callerName);
  if (call.anonim) await field(page, 'Anonim').check();
  await field(page, 'Kategori').fill(call.category ?? 'Sampah');
  await field(page, 'Uraian').fill(call.description);
  await field(page, 'Kelurahan').fill(call.kelurahan ?? 'Kejuron');
  await field(page, 'Kelurahan').press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();
}

const queueRow = (page: Page, description: string) =>
  page
    .getByRole('region', { name: 'Tabel antrean' })
    .getByRole('row')
    .filter({ hasText: description });

/** Opens the case from the queue; Alt+K sends it where the routing table suggests. */
async function openCase(page: Page, description: string) {
  await queueRow(page, description).dblclick();
  const dialog = page.getByRole('dialog', { name: 'Detail laporan' });
  await expect(dialog).toContainText(description);
  return dialog;
}

const dlhDispatch = (dialog: ReturnType<Page['getByRole']>) =>
  dialog
    .getByRole('region', { name: 'Disposisi' })
    .getByRole('listitem')
    .filter({ hasText: 'DLH' });

async function closeCase(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Detail laporan' })).toBeHidden();
}

function opdToken(dataDir: string, opdId: string): string {
  const { tokens } = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'hub', 'tokens.json'), 'utf8'),
  ) as TokensFile;
  return tokens.find((t) => t.kind === 'opd' && t.id === opdId)!.token;
}

/** The inbox address `npm start` prints next to the hub. */
async function printedInboxUrl(l: LauncherProc): Promise<string> {
  const m = await l.waitFor(
    /Inbox:\s+(http:\/\/127\.0\.0\.1:\d+\/) \(OPD inbox; one OPD token per agency in (\S+)\)/,
  );
  expect(m[2]).toBe(path.join(l.dataDir, 'hub', 'tokens.json'));
  return m[1]!;
}

/** The clerk's own browser context (its own sessionStorage), signed in to the inbox. */
async function openInbox(browser: Browser, url: string, token: string, person: string) {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'UTC' });
  const clerk = await context.newPage();
  await clerk.goto(url);
  await field(clerk, 'Token OPD').fill(token);
  await field(clerk, 'Nama petugas').fill(person);
  await clerk.getByRole('button', { name: /Masuk/ }).click();
  await expect(clerk.getByRole('status', { name: 'Koneksi hub' })).toHaveText('Terhubung');
  return { context, clerk };
}

const inboxList = (clerk: Page) => clerk.getByRole('list', { name: 'Antrean disposisi' });
const inboxItem = (clerk: Page, text: string) =>
  inboxList(clerk).getByRole('listitem').filter({ hasText: text });

test('a dispatch reaches the clerk live; accept, in progress and resolve show in the console', async ({
  page,
  browser,
}) => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  const { context, clerk } = await openInbox(
    browser,
    await printedInboxUrl(launcher),
    opdToken(launcher.dataDir, 'dlh'),
    'Sari Wulandari',
  );
  await expect(clerk.getByRole('heading', { level: 1 })).toHaveText('Kotak masuk OPD DLH');
  await expect(clerk.getByText('Dinas Lingkungan Hidup')).toBeVisible();
  await expect(clerk.getByText('Tidak ada disposisi terbuka.')).toBeVisible();
  // The token lives in this tab's sessionStorage only.
  expect(await clerk.evaluate('localStorage.length')).toBe(0);

  await signInOperator(page, launcher);
  const description = 'Sampah menumpuk di depan pasar';
  await recordCase(page, { description, callerName: 'Budi Santoso' });
  const dialog = await openCase(page, description);
  await expect(dialog).toContainText('Saran tujuan: DLH');
  await page.keyboard.press('Alt+K');

  // Live, without a reload: the clerk sees the case with what the OPD needs to act.
  const item = inboxItem(clerk, description);
  await expect(item).toBeVisible();
  await expect(item).toContainText('Sampah');
  await expect(item).toContainText('Kejuron, Kec. Taman');
  await expect(item).toContainText('Budi Santoso');
  await expect(item).toContainText(/Masuk\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}\.\d{2} WIB/);
  await expect(item).toContainText('menunggu 0 mnt');
  // Only the legal actions: a new dispatch can be accepted or returned, not resolved.
  await expect(item.getByRole('button', { name: /Sedang dikerjakan/ })).toBeDisabled();
  await expect(item.getByRole('button', { name: /Selesai/ })).toBeDisabled();
  await expect(dlhDispatch(dialog)).toContainText('dilihat OPD'); // the inbox acknowledged it

  // Accept by keyboard: select the dispatch, T.
  await item.focus();
  await clerk.keyboard.press('t');
  await expect(item).toContainText('Diterima');
  await expect(dlhDispatch(dialog)).toContainText('diterima');
  await expect(dialog).toContainText('Sari Wulandari'); // who accepted, on the timeline
  await closeCase(page);
  await expect(queueRow(page, description)).toContainText('Diterima OPD');

  await item.getByRole('button', { name: /Sedang dikerjakan/ }).click();
  await expect(item.getByText('Sedang dikerjakan', { exact: true })).toBeVisible();
  await expect(queueRow(page, description)).toContainText('Ditangani');

  // Resolving needs a note; an empty one is refused on the page, nothing is sent.
  await item.getByRole('button', { name: /Selesai/ }).click();
  await clerk.keyboard.press('Control+Enter');
  await expect(item.getByRole('alert')).toHaveText('Tulis catatan penyelesaian (minimal 3 huruf).');
  await expect(queueRow(page, description)).toContainText('Ditangani');
  await field(clerk, 'Catatan penyelesaian').fill('Sampah sudah diangkut truk DLH');
  await clerk.keyboard.press('Control+Enter');

  await expect(item).toBeHidden(); // it left the open queue…
  await expect(
    clerk.getByRole('list', { name: 'Disposisi yang baru ditutup' }).getByRole('listitem'),
  ).toContainText('Selesai · Sampah sudah diangkut truk DLH'); // …for the closed list
  await expect(clerk.getByText('Tidak ada disposisi terbuka.')).toBeVisible();
  await expect(queueRow(page, description)).toContainText('Selesai');

  const reopened = await openCase(page, description);
  await expect(dlhDispatch(reopened)).toContainText('selesai');
  await expect(reopened).toContainText('diterima OPD');
  await expect(reopened).toContainText('ditangani OPD');
  await expect(reopened).toContainText(
    'diselesaikan OPD · Sari Wulandari: Sampah sudah diangkut truk DLH',
  );
  await context.close();
});

test('with the hub down three dispatches wait; after its restart each arrives exactly once', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const dir = tempDir('sigap-e2e-');
  const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
  const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Petugas DLH' };
  const tokensFile = writeTokens(dir, [desk, dlh]);
  const hubData = path.join(dir, 'hub-data');
  const port = await freePort();
  hubs.push(await startHub(hubData, tokensFile, port));
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
  // Each case waits as two messages: the case itself and its dispatch to DLH.
  const outbox = page.getByRole('status', { name: 'Antrean kirim ke hub' });
  await expect(outbox).toHaveText('6 menunggu dikirim');

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

test('the clerk returns a case as bukan wewenang; the console shows it returned with the reason', async ({
  page,
  browser,
}) => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  const url = await printedInboxUrl(launcher);

  // A token the hub does not know is refused, in Indonesian, and kept nowhere.
  const stranger = await browser.newContext({ locale: 'id-ID' });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(url);
  await field(strangerPage, 'Token OPD').fill('bukan-token-yang-benar-123456');
  await strangerPage.keyboard.press('Enter');
  await expect(strangerPage.getByRole('alert')).toHaveText(
    'Token OPD tidak dikenal hub. Periksa token yang diberikan pusat 112.',
  );
  expect(await strangerPage.evaluate('sessionStorage.length')).toBe(0);
  await stranger.close();

  const { context, clerk } = await openInbox(
    browser,
    url,
    opdToken(launcher.dataDir, 'dlh'),
    'Sari Wulandari',
  );
  await signInOperator(page, launcher);
  // Caller text is text: markup in it is shown as typed, never run.
  const description = 'Kabel <b>menjuntai</b> di tumpukan sampah <img src=x onerror=alert(1)>';
  await recordCase(page, {
    description,
    callerName: 'Budi Santoso',
    number: '081298765432',
    anonim: true,
  });
  const dialog = await openCase(page, description);
  await page.keyboard.press('Alt+K');

  const item = inboxItem(clerk, 'Kabel <b>menjuntai</b>');
  await expect(item).toContainText(description);
  await expect(item.locator('b, img')).toHaveCount(0);
  // An anonim case reaches the OPD without who called.
  await expect(item).toContainText('PelaporAnonim');
  await expect(item).not.toContainText('Budi');
  await expect(item).not.toContainText('98765432');

  // Returning needs a reason.
  await item.focus();
  await clerk.keyboard.press('b');
  await field(clerk, 'Alasan bukan wewenang').fill('  ');
  await clerk.getByRole('button', { name: /Kirim/ }).click();
  await expect(item.getByRole('alert')).toHaveText('Tulis alasan pengembalian (minimal 3 huruf).');
  const reason = 'Kabel milik PLN, bukan wewenang DLH';
  await field(clerk, 'Alasan bukan wewenang').fill(reason);
  await clerk.getByRole('button', { name: /Kirim/ }).click();
  await expect(item).toBeHidden();
  await expect(
    clerk.getByRole('list', { name: 'Disposisi yang baru ditutup' }).getByRole('listitem'),
  ).toContainText(`Dikembalikan (bukan wewenang) · ${reason}`);

  await expect(dlhDispatch(dialog)).toContainText(`dikembalikan`);
  await expect(dialog).toContainText(
    `dikembalikan OPD (bukan wewenang) · Sari Wulandari: ${reason}`,
  );
  await expect(dialog.getByRole('definition').first()).toHaveText('Dikembalikan'); // case status
  await closeCase(page);
  await expect(queueRow(page, 'Kabel')).toContainText('Dikembalikan');
  // It waits in the operators' triage list for re-routing.
  await expect(page.getByRole('button', { name: /Perlu dialihkan \(1\)/ })).toBeVisible();
  await page.keyboard.press('Alt+R');
  await expect(
    page
      .getByRole('region', { name: 'Tabel antrean' })
      .getByRole('row')
      .filter({ hasText: 'Kabel' }),
  ).toHaveCount(1);

  // Re-routing: DLH said it is not theirs, so it is not suggested again; send it to PLN.
  const again = await openCase(page, description);
  await expect(again).not.toContainText('Saran tujuan');
  await again.getByLabel('OPD tujuan').selectOption('pln');
  await again.getByRole('button', { name: 'Kirim ke OPD' }).click();
  await expect(
    again
      .getByRole('region', { name: 'Disposisi' })
      .getByRole('listitem')
      .filter({ hasText: /^PLN ·/ }),
  ).toContainText('di antrean OPD');
  await closeCase(page);
  await expect(page.getByRole('button', { name: /Perlu dialihkan \(0\)/ })).toBeVisible();
  await context.close();
});

test('an action taken while the hub is away is sent when it is back, and applied once', async ({
  browser,
}) => {
  const dir = tempDir('sigap-e2e-');
  const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
  const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Petugas DLH' };
  const tokensFile = writeTokens(dir, [desk, dlh]);
  const hubData = path.join(dir, 'hub-data');
  const port = await freePort();
  hubs.push(await startHub(hubData, tokensFile, port));

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

test('a case the desk cancels is withdrawn from the inbox, with the reason', async ({
  page,
  browser,
}) => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
  const { context, clerk } = await openInbox(
    browser,
    await printedInboxUrl(launcher),
    opdToken(launcher.dataDir, 'dlh'),
    'Sari Wulandari',
  );
  await signInOperator(page, launcher);
  const description = 'Sampah dibuang di taman kota';
  await recordCase(page, { description });
  const dialog = await openCase(page, description);
  await page.keyboard.press('Alt+K');
  const item = inboxItem(clerk, description);
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: /Terima/ }).click();
  await expect(dlhDispatch(dialog)).toContainText('diterima');

  const reason = 'Pelapor salah alamat, sudah dibersihkan warga';
  await dialog.getByRole('button', { name: 'Batalkan laporan' }).click();
  await field(page, 'Alasan pembatalan').fill(reason);
  await dialog.getByRole('button', { name: 'Batalkan dan tarik disposisi' }).click();

  // Live: it leaves the clerk's open queue and says who took it back and why.
  await expect(item).toBeHidden();
  await expect(
    clerk.getByRole('list', { name: 'Disposisi yang baru ditutup' }).getByRole('listitem'),
  ).toContainText(`Ditarik pusat 112 · ${reason}`);
  await expect(clerk.getByText('Tidak ada disposisi terbuka.')).toBeVisible();
  await context.close();
});
