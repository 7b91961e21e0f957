/**
 * OPD clerks for the fault tests: one inbox connection per OPD, each dispatch that reaches
 * it seen, and by a seeded draw accepted (and maybe resolved), returned, or left alone.
 * A clerk back after a hub restart lists the open queue, as the inbox page does.
 */
import type { Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import type { Random } from '../../electron/core/seed/random';
import { connectOpd } from './opd-client';

export async function startClerks(hubUrl: string, tokens: Record<string, string>, random: Random) {
  const inboxes: Socket[] = [];
  /** Dispatches a clerk has decided on (or chosen to leave). */
  const handled = new Set<string>();
  const working = new Set<Promise<unknown>>();

  const move = (socket: Socket, opdId: string, dispatchId: string, to: string, note = '') =>
    socket.timeout(5000).emitWithAck('transition', {
      transitionId: uuidv7(),
      dispatchId,
      to,
      note,
      actor: { id: opdId, role: 'opd', person: `Petugas ${opdId}` },
    });

  for (const [opdId, token] of Object.entries(tokens)) {
    const { socket } = await connectOpd(hubUrl, token);
    socket.io.reconnectionDelayMax(1000); // back soon after each hub restart
    inboxes.push(socket);
    const handle = (dispatchId: string) => {
      if (handled.has(dispatchId)) return;
      handled.add(dispatchId);
      const r = random.next();
      const work = async () => {
        if (r < 0.1) await move(socket, opdId, dispatchId, 'returned', 'bukan wewenang');
        else if (r < 0.6) {
          await move(socket, opdId, dispatchId, 'accepted');
          if (r < 0.35) await move(socket, opdId, dispatchId, 'resolved', 'selesai');
        }
      };
      // A hub killed meanwhile loses the clerk's click; the desks only need to agree.
      const p = work().catch(() => undefined);
      working.add(p);
      void p.finally(() => working.delete(p));
    };
    socket.on('dispatch.new', (d: { dispatchId: string }) => handle(d.dispatchId));
    socket.on('connect', () => {
      socket
        .timeout(5000)
        .emitWithAck('inbox', {})
        .then((r: { dispatches?: Array<{ dispatchId: string }> }) => {
          for (const d of r.dispatches ?? []) handle(d.dispatchId);
        })
        .catch(() => undefined);
    });
  }

  return {
    handled: (dispatchId: string) => handled.has(dispatchId),
    /** Resolves when every decision under way has been answered (or lost). */
    idle: () => Promise.all([...working]).then(() => undefined),
    close: () => inboxes.forEach((s) => s.close()),
  };
}
