/**
 * Protocol peers for hub integration tests: plain socket.io clients on a namespace with a
 * token, as an OPD system integrator's or a desk's would be; closed together at the end.
 */
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll } from 'vitest';
import type { TokensFile } from '../../shared/hub/protocol';
import { storeArgs, type HubStoreKind } from './hub-stores';
import { startHub, tempDir, writeTokens, type HubProc } from './processes';

export function peerSockets() {
  const sockets: Socket[] = [];
  return {
    /** Connects to `url` (the hub's address and namespace) with `token`. */
    async connect(url: string, token: string): Promise<Socket> {
      const socket = io(url, {
        auth: { token },
        transports: ['websocket'],
        reconnectionDelay: 100,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },
    closeAll(): void {
      for (const s of sockets.splice(0)) s.close();
    },
  };
}

/**
 * A hub process for the test file (started before its tests, stopped after) that knows
 * `tokens`, and peers connected to it by namespace.
 */
export function hubForTests(tokens: TokensFile['tokens'], store: HubStoreKind = 'sqlite') {
  const peers = peerSockets();
  let dir = '';
  let tokensFile = '';
  let args: string[] = [];
  let hub: HubProc | undefined;
  beforeAll(async () => {
    dir = tempDir();
    tokensFile = writeTokens(dir, tokens);
    args = await storeArgs(store);
    hub = await startHub(dir, tokensFile, 0, args);
  });
  afterAll(async () => {
    peers.closeAll();
    await hub?.stop();
  });
  return {
    connect: (ns: string, token: string) => peers.connect(`${hub!.url}${ns}`, token),
    /** The hub's address (no namespace). */
    url: () => hub!.url,
    /** The hub process: its pid, and whether it has exited. */
    process: () => ({ pid: hub!.child.pid, exited: hub!.child.exitCode !== null }),
    /** SIGKILL, then a new hub process on the same store and port. */
    async killAndRestart(): Promise<void> {
      await hub!.stop('SIGKILL');
      hub = await startHub(dir, tokensFile, hub!.port, args);
    },
  };
}

/** An acknowledged message; rejects when the hub has not answered in 5 s. */
export const send = (s: Socket, event: string, payload: unknown) =>
  s.timeout(5000).emitWithAck(event, payload);

/** A `case.upsert` by `actor` with a fresh changeId. */
export const upsertBy =
  (actor: { id: string; role: string; person: string }) =>
  (caseId: string, fields: object, baseSeq = 0) => ({
    changeId: uuidv7(),
    caseId,
    baseSeq,
    fields,
    actor,
  });
