/**
 * A loopback TCP proxy for fault tests, put between a desk and the hub. It forwards every
 * connection to the target and, as the test decides, delays chunks (keeping their order),
 * cuts connections (both sides destroyed mid-stream) or drops them: forwarding stops and
 * nothing is closed, as on a dead network path, so only heartbeats and ack timeouts can
 * notice. Given several targets, it is the reverse proxy in front of hub nodes: each new
 * connection goes to the first of them that accepts it. Never used outside tests.
 */
import net from 'node:net';

export interface TcpProxyOptions {
  targetPort: number;
  targetHost?: string;
  /** Several targets (targetPort ignored): each connection goes to the first that accepts. */
  targetPorts?: number[];
  /** Milliseconds to hold a chunk back (0 forwards at once); chunks never overtake. */
  delayMs?: (chunk: Buffer) => number;
}

export interface TcpProxy {
  port: number;
  /** `http://127.0.0.1:PORT`, for a client that speaks HTTP through the proxy. */
  url: string;
  /** Connections forwarding right now (neither cut nor dropped). */
  live(): number;
  /** Destroys both sides of every live connection; returns how many. */
  cutAll(): number;
  /** Stops forwarding on every live connection without closing it; returns how many. */
  dropAll(): number;
  /** A partition: every connection is cut and new ones are refused until `heal()`. */
  isolate(): void;
  heal(): void;
  stats: { connections: number; cuts: number; drops: number; delayed: number };
  close(): Promise<void>;
}

type State = 'open' | 'dropped' | 'closed';

interface Link {
  state: State;
  client: net.Socket;
  upstream: net.Socket;
}

export async function startTcpProxy(options: TcpProxyOptions): Promise<TcpProxy> {
  const links = new Set<Link>();
  const stats = { connections: 0, cuts: 0, drops: 0, delayed: 0 };

  const destroy = (link: Link): void => {
    link.state = 'closed';
    link.client.destroy();
    link.upstream.destroy();
    links.delete(link);
  };

  /** Forwards `from` → `to` in order, each chunk after its delay; `null` is the end. */
  const forward = (link: Link, from: net.Socket, to: net.Socket): void => {
    const queue: Array<{ at: number; chunk: Buffer | null }> = [];
    let timer: NodeJS.Timeout | undefined;
    let last = 0;
    const flush = (): void => {
      timer = undefined;
      while (queue.length > 0 && queue[0]!.at <= Date.now()) {
        const { chunk } = queue.shift()!;
        if (link.state !== 'open') return;
        if (chunk) to.write(chunk);
        else to.end();
      }
      if (queue.length > 0) timer = setTimeout(flush, queue[0]!.at - Date.now());
    };
    const push = (chunk: Buffer | null): void => {
      if (link.state !== 'open') return; // dropped: swallowed
      const delay = chunk ? (options.delayMs?.(chunk) ?? 0) : 0;
      if (delay > 0) stats.delayed++;
      last = Math.max(last, Date.now() + delay);
      queue.push({ at: last, chunk });
      if (!timer) timer = setTimeout(flush, Math.max(0, last - Date.now()));
    };
    from.on('data', (chunk: Buffer) => push(chunk));
    from.on('end', () => push(null));
  };

  let isolated = false;
  const server = net.createServer((client) => {
    if (isolated) {
      client.destroy();
      return;
    }
    stats.connections++;
    if (options.targetPorts) {
      // Nothing is read from the client until a target has accepted.
      client.pause();
      client.on('error', () => client.destroy());
      void firstAccepting(options.targetPorts, options.targetHost ?? '127.0.0.1').then(
        (upstream) => {
          if (!upstream || client.destroyed) {
            upstream?.destroy();
            client.destroy();
            return;
          }
          join(client, upstream);
          client.resume();
        },
      );
      return;
    }
    join(client, net.connect(options.targetPort, options.targetHost ?? '127.0.0.1'));
  });
  /** Forwards between a client and its upstream until either side goes. */
  const join = (client: net.Socket, upstream: net.Socket): void => {
    const link: Link = { state: 'open', client, upstream };
    links.add(link);
    forward(link, client, upstream);
    forward(link, upstream, client);
    // A dropped path carries no close either: only the desk giving up ends it.
    client.on('close', () => destroy(link));
    client.on('error', () => destroy(link));
    const upstreamGone = (): void => {
      if (link.state === 'open') destroy(link);
    };
    upstream.on('close', upstreamGone);
    upstream.on('error', upstreamGone);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  const open = () => [...links].filter((l) => l.state === 'open');

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    live: () => open().length,
    cutAll() {
      const cut = open();
      for (const link of cut) destroy(link);
      stats.cuts += cut.length;
      return cut.length;
    },
    dropAll() {
      const dropped = open();
      for (const link of dropped) link.state = 'dropped';
      stats.drops += dropped.length;
      return dropped.length;
    },
    isolate() {
      isolated = true;
      for (const link of [...links]) destroy(link);
    },
    heal() {
      isolated = false;
    },
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const link of [...links]) destroy(link);
        server.close(() => resolve());
      }),
  };
}

/** A connection to the first of `ports` that accepts one, or undefined when none does. */
async function firstAccepting(ports: number[], host: string): Promise<net.Socket | undefined> {
  for (const port of ports) {
    const socket = await new Promise<net.Socket | undefined>((resolve) => {
      const s = net.connect(port, host);
      s.once('connect', () => resolve(s));
      s.once('error', () => {
        s.destroy();
        resolve(undefined);
      });
    });
    if (socket) return socket;
  }
  return undefined;
}
