/**
 * The desks of dashboard.update_ms: lightweight protocol v1 desk clients in this one
 * process, each on its own socket.io connection with its own token, together logging
 * RATE calls a second (as `call.log`, each a hub event) for SECONDS seconds.
 * `dashboard-desks.ts URL TOKENS_FILE RATE SECONDS`: prints "desks ready", then "done N".
 */
import fs from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';

const [url, tokensFile, rate, seconds] = process.argv.slice(2);
const desks = JSON.parse(fs.readFileSync(tokensFile!, 'utf8')) as Array<{
  id: string;
  token: string;
}>;
const DISPOSITIONS = ['prank', 'silent', 'misdial', 'info'] as const;

async function main(): Promise<void> {
  const sockets: Socket[] = await Promise.all(
    desks.map(
      (d) =>
        new Promise<Socket>((resolve, reject) => {
          const s = io(`${url}/desk`, { auth: { token: d.token }, transports: ['websocket'] });
          s.once('connect', () => resolve(s));
          s.once('connect_error', reject);
        }),
    ),
  );
  process.stdout.write('desks ready\n');
  const every = 1000 / Number(rate);
  const end = Date.now() + Number(seconds) * 1000;
  let sent = 0;
  const start = Date.now();
  while (Date.now() < end) {
    const i = sent % sockets.length;
    const desk = desks[i]!;
    const at = Date.now();
    void sockets[i]!.timeout(10_000)
      .emitWithAck('call.log', {
        callId: uuidv7(),
        at,
        disposition: DISPOSITIONS[sent % DISPOSITIONS.length],
        callerNumber: `+62812${String(sent).padStart(7, '0')}`,
        actor: { id: desk.id, role: 'desk', person: `Operator ${desk.id}` },
      })
      .catch(() => undefined);
    sent++;
    // Paced by the schedule, not by the last send, so a slow moment does not lower the rate.
    const wait = start + sent * every - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  process.stdout.write(`done ${sent}\n`);
  for (const s of sockets) s.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`dashboard desks: ${String(error)}\n`);
  process.exit(1);
});
