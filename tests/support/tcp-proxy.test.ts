/**
 * The fault tests' TCP proxy does what they rely on: delayed chunks keep their order, a
 * cut closes both sides, a drop forwards nothing more and closes nothing, isolation
 * refuses connections until healed, and a target that is down closes the client's
 * connection.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../electron/core/seed/random';
import { freePort, until } from './processes';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An echo server that records what each connection sent it and whether it closed. */
async function echoServer() {
  const peers: Array<{ received: string; closed: boolean }> = [];
  const server = net.createServer((socket) => {
    const peer = { received: '', closed: false };
    peers.push(peer);
    socket.on('data', (chunk) => {
      peer.received += chunk.toString();
      socket.write(chunk);
    });
    socket.on('close', () => (peer.closed = true));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return { port: (server.address() as net.AddressInfo).port, peers };
}

async function proxyTo(port: number, delayMs?: () => number): Promise<TcpProxy> {
  const proxy = await startTcpProxy({ targetPort: port, ...(delayMs ? { delayMs } : {}) });
  cleanups.push(() => proxy.close());
  return proxy;
}

function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  const state = { received: '', closed: false };
  socket.on('data', (chunk) => (state.received += chunk.toString()));
  socket.on('close', () => (state.closed = true));
  socket.on('error', () => undefined);
  cleanups.push(() => socket.destroy());
  return { socket, state };
}

async function roundTrip(c: ReturnType<typeof connect>, text: string): Promise<void> {
  const before = c.state.received.length;
  c.socket.write(text);
  await until(() => c.state.received.length >= before + text.length);
}

describe('fault proxy', () => {
  it('delays chunks without reordering them', async () => {
    const target = await echoServer();
    const random = seededRandom(7);
    const proxy = await proxyTo(target.port, () => random.int(0, 15));
    const c = connect(proxy.port);
    let sent = '';
    for (let i = 0; i < 300; i++) {
      sent += `${i},`;
      c.socket.write(`${i},`);
      await new Promise((r) => setImmediate(r)); // separate chunks, separate delays
    }
    await until(() => c.state.received.length >= sent.length, 20_000);
    expect(target.peers[0]!.received).toBe(sent);
    expect(c.state.received).toBe(sent);
    expect(proxy.stats.delayed).toBeGreaterThan(0);
  });

  it('cuts both sides of a live connection', async () => {
    const target = await echoServer();
    const proxy = await proxyTo(target.port);
    const c = connect(proxy.port);
    await roundTrip(c, 'ping');
    expect(proxy.cutAll()).toBe(1);
    await until(() => c.state.closed && target.peers[0]!.closed);
    expect(proxy.live()).toBe(0);
  });

  it('drops a connection: nothing more is forwarded and nothing is closed', async () => {
    const target = await echoServer();
    const proxy = await proxyTo(target.port);
    const a = connect(proxy.port);
    await roundTrip(a, 'ping');
    expect(proxy.dropAll()).toBe(1);
    a.socket.write('lost');
    // A new connection still works; by the time its echo is back, the proxy has long
    // handled what A wrote.
    const b = connect(proxy.port);
    await roundTrip(b, 'hello');
    expect(target.peers.map((p) => p.received)).toEqual(['ping', 'hello']);
    expect(a.state).toEqual({ received: 'ping', closed: false });
    expect(target.peers[0]!.closed).toBe(false);
    // The client giving up is what finally ends the dropped path.
    a.socket.destroy();
    await until(() => target.peers[0]!.closed);
  });

  it('isolates: cuts what is live and refuses new connections until healed', async () => {
    const target = await echoServer();
    const proxy = await proxyTo(target.port);
    const before = connect(proxy.port);
    await roundTrip(before, 'hello');
    proxy.isolate();
    await until(() => before.state.closed);
    const during = connect(proxy.port);
    await until(() => during.state.closed);
    expect(target.peers).toHaveLength(1); // nothing reached the target while isolated
    proxy.heal();
    const after = connect(proxy.port);
    await roundTrip(after, 'again');
    expect(after.state.received).toBe('again');
  });

  it('closes the client when the target is down', async () => {
    const proxy = await proxyTo(await freePort());
    const c = connect(proxy.port);
    await until(() => c.state.closed);
  });
});
