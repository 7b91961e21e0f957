/**
 * The hub as a real process: it admits a token only to its own namespace, refuses
 * unknown tokens and malformed handshakes, answers unknown messages with an error ack
 * and stays up; its command line refuses unsafe or broken setups with a clear line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import {
  randomToken,
  runTs,
  startHub,
  tempDir,
  writeTokens,
  type HubProc,
} from '../support/processes';

const deskToken = randomToken();
const opdToken = randomToken();
let hub: HubProc;
const sockets: Socket[] = [];

beforeAll(async () => {
  const dir = tempDir();
  const tokens = writeTokens(dir, [
    { token: deskToken, kind: 'desk', id: 'desk-1' },
    { token: opdToken, kind: 'opd', id: 'dlh', person: 'Sari (DLH)' },
  ]);
  hub = await startHub(dir, tokens);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.stop();
});

function connect(ns: string, auth: unknown): Socket {
  const socket = io(`${hub.url}${ns}`, {
    auth: auth as object,
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return socket;
}

const outcome = (socket: Socket) =>
  new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });

describe('hub handshake', () => {
  it('refuses an unknown token', async () => {
    expect(await outcome(connect('/desk', { token: randomToken() }))).toBe('auth.unknown_token');
  });

  it('refuses a handshake without a token', async () => {
    expect(await outcome(connect('/desk', { lastSeq: 3 }))).toBe('auth.malformed');
  });

  it('admits a token only to the namespace of its kind', async () => {
    expect(await outcome(connect('/opd', { token: deskToken }))).toBe('auth.wrong_namespace');
    expect(await outcome(connect('/desk', { token: opdToken }))).toBe('auth.wrong_namespace');
    expect(await outcome(connect('/', { token: deskToken }))).toBe('auth.wrong_namespace');
  });

  it('admits a desk and tells it who it is', async () => {
    const socket = connect('/desk', { token: deskToken, lastSeq: 0 });
    expect(await outcome(socket)).toBe('connected');
    const ack = await socket.timeout(2000).emitWithAck('hello', {});
    expect(ack).toMatchObject({ protocol: 1, identity: { kind: 'desk', id: 'desk-1' } });
    expect(Math.abs(ack.hubTime - Date.now())).toBeLessThan(5000);
  });

  it('answers an unknown message with an error ack and keeps the peer connected', async () => {
    const socket = connect('/desk', { token: deskToken });
    expect(await outcome(socket)).toBe('connected');
    const ack = await socket.timeout(2000).emitWithAck('case.delete-everything', { all: true });
    expect(ack).toMatchObject({ ok: false, error: { code: 'protocol.unknown_message' } });
    expect(socket.connected).toBe(true);
    expect(await socket.timeout(2000).emitWithAck('hello', {})).toMatchObject({ protocol: 1 });
  });
});

describe('hub command line', () => {
  it('refuses to bind beyond loopback without TLS', async () => {
    const dir = tempDir();
    const tokens = writeTokens(dir, [{ token: deskToken, kind: 'desk', id: 'desk-1' }]);
    const proc = runTs('hub/main.ts', [
      '--port',
      '0',
      '--data',
      dir,
      '--tokens',
      tokens,
      '--host',
      '0.0.0.0',
    ]);
    expect(await proc.exited()).toBe(2);
    expect(proc.output()).toMatch(/beyond loopback requires --tls-cert and --tls-key/);
  });

  it('names the problem in a broken tokens file', async () => {
    const dir = tempDir();
    const tokens = writeTokens(dir, [{ token: 'short', kind: 'desk', id: 'desk-1' }]);
    const proc = runTs('hub/main.ts', ['--port', '0', '--data', dir, '--tokens', tokens]);
    expect(await proc.exited()).toBe(2);
    expect(proc.output()).toMatch(
      /invalid at tokens\.0\.token: tokens must be at least 16 characters/,
    );
  });
});
