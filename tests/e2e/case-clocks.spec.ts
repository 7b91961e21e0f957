/**
 * "Jam layanan" in the case detail, in Chromium against the console as `npm start` runs it:
 * a fallen tree's clocks as the operator sees them before and after the case is sent and
 * its OPD (a real socket.io client on the embedded hub) accepts it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/test';
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import type { TokensFile } from '../../shared/hub/protocol';
import { connectOpd } from '../support/opd-client';
import { startLauncher, tempDir, type LauncherProc } from '../support/processes';
import { field, signInOperator } from './support/operator';

let launcher: LauncherProc;
const sockets: Socket[] = [];

test.beforeEach(async () => {
  launcher = await startLauncher(tempDir('sigap-e2e-'));
});
test.afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await launcher?.stop();
});

test('the case detail lists its clocks, and an OPD that accepts in time meets its own', async ({
  page,
}) => {
  const { tokens } = JSON.parse(
    fs.readFileSync(path.join(launcher.dataDir, 'hub', 'tokens.json'), 'utf8'),
  ) as TokensFile;
  const port = fs.readFileSync(path.join(launcher.dataDir, 'hub', 'port'), 'utf8').trim();
  const dlh = await connectOpd(
    `http://127.0.0.1:${port}`,
    tokens.find((t) => t.id === 'dlh')!.token,
  );
  sockets.push(dlh.socket);
  await signInOperator(page, launcher);

  await page.keyboard.press('F2');
  await field(page, 'Nomor penelepon').fill('081234567890');
  await field(page, 'Kategori').fill('Pohon tumbang');
  await field(page, 'Uraian').fill('Pohon tumbang menutup Jl. Pahlawan');
  await field(page, 'Kelurahan').fill('Kejuron');
  await field(page, 'Kelurahan').press('Tab');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan pukul' })).toBeVisible();
  await page.keyboard.press('F4');
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Detail laporan' });
  const clocks = dialog.getByRole('table', { name: 'Jam layanan' });
  const row = (name: string) => clocks.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Dikirim ke OPD')).toContainText('2 menit');
  await expect(row('Dikirim ke OPD')).toContainText(/berjalan|hampir lewat/);
  await expect(row('Tindak lanjut')).toContainText('24 jam');
  // An emergency runs no SP4N-LAPOR! working days, and says so.
  await expect(clocks).not.toContainText('SP4N-LAPOR!');
  await expect(dialog).toContainText('tidak berlaku untuk laporan darurat');

  await page.keyboard.press('Alt+K');
  await expect.poll(() => dlh.inbox.length).toBe(1);
  await expect(row('Dikirim ke OPD')).toContainText('terpenuhi');
  await expect(row('Diterima DLH')).toContainText('5 menit');
  await expect(row('Diselesaikan DLH')).toContainText('20 menit');

  const ack = await dlh.socket.timeout(5000).emitWithAck('transition', {
    transitionId: uuidv7(),
    dispatchId: dlh.inbox[0]!.dispatchId,
    to: 'accepted',
    note: '',
    actor: { id: 'dlh', role: 'opd', person: 'Petugas DLH' },
  });
  expect(ack).toMatchObject({ ok: true });
  await expect(row('Diterima DLH')).toContainText('terpenuhi');
  await expect(row('Tindak lanjut')).toContainText('terpenuhi');
  // Dishub got it too and has not answered: its clock still runs.
  await expect(row('Diterima Dishub')).toContainText(/berjalan|hampir lewat/);
});
