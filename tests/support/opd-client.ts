/**
 * A real OPD inbox client for tests: connects to a hub's /opd namespace with an OPD token,
 * collects the dispatches it receives and acknowledges each (which marks it seen).
 */
import { io, type Socket } from 'socket.io-client';
import type { OpdDispatch } from '../../shared/hub/opd-messages';

export async function connectOpd(
  hubUrl: string,
  token: string,
): Promise<{ socket: Socket; inbox: OpdDispatch[] }> {
  const socket = io(`${hubUrl}/opd`, { auth: { token }, transports: ['websocket'] });
  const inbox: OpdDispatch[] = [];
  socket.on('dispatch.new', (d: OpdDispatch, ack: (ok: boolean) => void) => {
    inbox.push(d);
    ack(true);
  });
  await new Promise<void>((r) => socket.once('connect', () => r()));
  return { socket, inbox };
}
