/**
 * Hands each burst of socket.io packets for one peer to the kernel in one write.
 * engine.io sends every packet of a flush as its own WebSocket frame, and ws writes each
 * frame with its own system call; a hub fanning a committed group out to 16 desks spent
 * most of its time in those calls. Corking the peer's TCP socket around a flush makes them
 * one writev. Nothing changes on the wire but the packing into TCP segments.
 */
import type { Server } from 'socket.io';

interface Corkable {
  cork(): void;
  uncork(): void;
}

interface EngineTransport {
  name: string;
  send(packets: unknown[]): void;
  /** engine.io's websocket transport keeps the ws socket here, ws the TCP socket in `_socket`. */
  socket?: { _socket?: Partial<Corkable> };
}

function corkFlushes(transport: EngineTransport): void {
  const tcp = transport.socket?._socket;
  if (transport.name !== 'websocket' || typeof tcp?.cork !== 'function') return;
  const socket = tcp as Corkable;
  const send = transport.send.bind(transport);
  transport.send = (packets) => {
    socket.cork();
    try {
      send(packets);
    } finally {
      socket.uncork();
    }
  };
}

export function batchWebSocketWrites(io: Server): void {
  io.engine.on(
    'connection',
    (conn: { transport: EngineTransport; on(event: 'upgrade', fn: typeof corkFlushes): void }) => {
      corkFlushes(conn.transport);
      conn.on('upgrade', corkFlushes);
    },
  );
}
