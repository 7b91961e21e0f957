/**
 * The console in Chromium against a socket.io server standing in for a hub newer than this
 * desk: a hub that serves only newer desks shows "perbarui Sigap" in the status bar, and a
 * case from a desk whose category this desk does not know shows in the queue and in the
 * case with its code, marked unknown (after an event type this desk does not know).
 */
import http from 'node:http';
import { expect, test } from './support/test';
import { Server } from 'socket.io';
import { v7 as uuidv7 } from 'uuid';
import { startHost, tempDir, type HostProc, type LauncherProc } from '../support/processes';
import { openCase, queueRow, signInOperator } from './support/operator';

type Answer = (payload: unknown) => unknown;

let host: HostProc | undefined;
let server: Server | undefined;
test.afterEach(async () => {
  await host?.stop();
  await new Promise((resolve) => (server ? server.close(() => resolve(undefined)) : resolve(0)));
});

async function standIn(answers: Record<string, Answer>): Promise<string> {
  const web = http.createServer();
  server = new Server(web);
  server.of('/desk').on('connection', (socket) => {
    socket.onAny((name: string, payload: unknown, ack?: (a: unknown) => void) => {
      ack?.(answers[name]?.(payload) ?? { ok: true, seq: 1 });
    });
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(web.address() as { port: number }).port}`;
}

async function console_(hubUrl: string): Promise<LauncherProc> {
  const dataDir = tempDir('sigap-e2e-');
  host = await startHost({ dataDir, hubUrl, hubToken: 'desk-token-0123456789' });
  return { consoleUrl: `${host.origin}/#key=${host.key}`, dataDir } as LauncherProc;
}

const hello = () => ({
  ok: true,
  protocol: 2,
  hubTime: Date.now(),
  identity: { kind: 'desk', id: 'desk-1' },
});

test('a hub that serves only newer desks says "perbarui Sigap" in the status bar', async ({
  page,
}) => {
  const url = await standIn({
    hello: () => ({
      ok: false,
      error: { code: 'protocol.desk_outdated', message: 'update Sigap on this desk' },
    }),
  });
  await signInOperator(page, await console_(url));
  await expect(page.getByRole('status', { name: 'Koneksi hub' })).toHaveText(
    /Hub menolak versi ini: perbarui Sigap/,
  );
});

test('a case in a category this desk does not know shows, marked as such', async ({ page }) => {
  const caseId = uuidv7();
  const actor = { id: 'desk-2', role: 'desk', person: 'Rina' };
  const at = Date.now();
  const events = [
    { seq: 1, type: 'case.escalated', at, actor, caseId, level: 2 },
    {
      seq: 2,
      type: 'case.changed',
      at,
      actor,
      caseId,
      fields: {
        status: 'new',
        categoryId: 'banjir-rob',
        urgency: 'darurat',
        description: 'Air laut masuk ke permukiman nelayan',
        kecamatanId: 'taman',
        kelurahanId: 'kejuron',
        address: 'Jl. Pesisir',
        landmark: '',
        lat: null,
        lng: null,
        anonim: false,
        rahasia: false,
        callerName: '',
        callerNumber: null,
        tideCm: 80,
      },
    },
  ];
  const url = await standIn({
    hello,
    sync: (p) => {
      const since = (p as { sinceSeq: number }).sinceSeq;
      return { ok: true, events: events.filter((e) => e.seq > since), lastSeq: 2 };
    },
  });
  await signInOperator(page, await console_(url));

  const row = queueRow(page, 'Air laut masuk ke permukiman nelayan');
  await expect(row).toContainText('banjir-rob (kategori tidak dikenal)');
  const dialog = await openCase(page, 'Air laut masuk ke permukiman nelayan');
  await expect(dialog).toContainText('banjir-rob (kategori tidak dikenal)');
});
