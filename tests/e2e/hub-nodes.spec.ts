/**
 * A console given two hub nodes of one center (sharing PostgreSQL), in Chromium: the status
 * bar names the node the desk is on, and when that node is killed the desk moves to the
 * other one and says so, in both languages.
 */
import path from 'node:path';
import { expect, test } from './support/test';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../support/postgres';
import {
  randomToken,
  startHub,
  startLauncher,
  tempDir,
  writeTokens,
  type HubProc,
  type LauncherProc,
} from '../support/processes';

const reason = postgresUnavailable();
let server: PostgresServer | undefined;
const running: Array<LauncherProc | HubProc> = [];

test.beforeAll(async () => {
  if (!reason) server = await startPostgres();
});
test.afterAll(async () => {
  await server?.stop();
});
test.afterEach(async () => {
  for (const proc of running.splice(0).reverse()) await proc.stop();
});

test('status bar names the hub node and follows the desk to the other node', async ({ page }) => {
  test.skip(reason !== undefined, `needs PostgreSQL: ${reason}`);
  const dir = tempDir('sigap-e2e-');
  const token = randomToken();
  const tokens = writeTokens(dir, [{ token, kind: 'desk', id: 'desk-1' }]);
  const store = ['--store', await server!.createDatabase('hub_nodes')];
  const a = await startHub(path.join(dir, 'hub-a'), tokens, 0, store);
  running.push(a);
  const b = await startHub(path.join(dir, 'hub-b'), tokens, 0, store);
  running.push(b);
  const launcher = await startLauncher(path.join(dir, 'desk'), {
    url: `${a.url}, ${b.url}`,
    token,
  });
  running.push(launcher);

  await page.goto(launcher.consoleUrl);
  const hub = page.getByRole('status', { name: 'Koneksi hub' });
  await expect(hub).toHaveText(`Hub terhubung · lewat 127.0.0.1:${a.port}`);

  await a.stop('SIGKILL');
  await expect(hub).toHaveText(`Hub terhubung · lewat 127.0.0.1:${b.port}`, { timeout: 20_000 });

  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('status', { name: 'Hub connection' })).toHaveText(
    `Hub online · via 127.0.0.1:${b.port}`,
  );
});
