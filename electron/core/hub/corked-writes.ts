/**
 * Hands each burst of packets this desk sends the hub to the kernel in one write, as the
 * hub does for its peers (hub/batched-writes.ts): engine.io writes every packet of a flush
 * as its own WebSocket frame, one system call each, and a desk refilling its window sends
 * 16 messages at once. Corking the TCP socket around the flush makes them one writev.
 * Nothing changes on the wire but the packing into TCP segments.
 */
import type { Socket } from 'socket.io-client';

interface Corkable {
  cork(): void;
  uncork(): void;
}

interface EngineTransport {
  name?: string;
  write?: (packets: unknown[]) => void;
  /** engine.io-client's websocket transport keeps the ws socket here, ws the TCP one in `_socket`. */
  ws?: { _socket?: Partial<Corkable> };
}

const corked = new WeakSet<object>();

function cork(transport: EngineTransport | undefined): void {
  if (!transport || corked.has(transport) || typeof transport.write !== 'function') return;
  const write = transport.write.bind(transport);
  corked.add(transport);
  transport.write = (packets) => {
    const tcp = transport.ws?._socket;
    if (typeof tcp?.cork !== 'function' || typeof tcp.uncork !== 'function') return write(packets);
    tcp.cork();
    try {
      write(packets);
    } finally {
      tcp.uncork();
    }
  };
}

/** Corks every connection `socket` opens, reconnections included. */
export function corkWrites(socket: Socket): void {
  const manager = socket.io as unknown as {
    on(event: 'open', fn: () => void): void;
    engine?: { transport?: EngineTransport };
  };
  manager.on('open', () => cork(manager.engine?.transport));
}
