/**
 * A hub peer that writes the wire format by hand over one WebSocket (engine.io 4 frames
 * carrying socket.io 5 packets), so a test can send what no socket.io client would: events
 * without a name or named by a number, stray binary attachments, engine.io frames of any
 * type. It answers the hub's pings and never acknowledges what the hub sends it.
 */
import WebSocket from 'ws';

export interface RawPeer {
  readonly namespace: string;
  /** Whether the hub has closed the connection (it does on a frame it cannot parse). */
  closed(): boolean;
  /** Sends one WebSocket frame exactly as given. */
  frame(data: string | Buffer): void;
  /**
   * Sends an event packet whose data is `json` (the JSON text after the ack id, or nothing)
   * with a fresh ack id, then `attachments` as binary frames (the header announces
   * `announced` of them, by default as many as there are); resolves with the ack's data,
   * or `undefined` when the connection closes or `timeoutMs` passes without an answer.
   */
  request(
    json: string,
    options?: { attachments?: readonly Buffer[]; announced?: number; timeoutMs?: number },
  ): Promise<unknown[] | undefined>;
  close(): void;
}

/** The socket.io packet header for `type` on `namespace` (socket.io omits "/" for the main one). */
const header = (type: string, namespace: string): string =>
  namespace === '/' ? type : `${type}${namespace},`;

/** Opens a WebSocket to the hub at `url` and connects `namespace` with `token`. */
export async function connectRaw(url: string, namespace: string, token: string): Promise<RawPeer> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const waiting = new Map<number, (data: unknown[] | undefined) => void>();
  let nextAck = 1;
  let isClosed = false;
  let connected: ((error?: Error) => void) | undefined;
  const ackPrefix = `4${header('3', namespace)}`;

  ws.on('message', (raw, isBinary) => {
    if (isBinary) return;
    const text = raw.toString();
    if (text === '2') return ws.send('3'); // engine.io ping → pong
    if (text.startsWith('0'))
      return ws.send(`4${header('0', namespace)}${JSON.stringify({ token })}`);
    if (text.startsWith(`4${header('0', namespace)}`)) return connected?.();
    if (text.startsWith(`4${header('4', namespace)}`)) return connected?.(new Error(text));
    if (text.startsWith(ackPrefix)) {
      const m = /^(\d+)(.*)$/s.exec(text.slice(ackPrefix.length));
      if (!m) return;
      const resolve = waiting.get(Number(m[1]));
      waiting.delete(Number(m[1]));
      resolve?.(JSON.parse(m[2]!) as unknown[]);
    }
  });
  const onGone = () => {
    isClosed = true;
    connected?.(new Error('connection closed before the namespace connected'));
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
  };
  ws.on('close', onGone);
  ws.on('error', onGone);

  await new Promise<void>((resolve, reject) => {
    connected = (error) => {
      connected = undefined;
      if (error) reject(error);
      else resolve();
    };
  });

  return {
    namespace,
    closed: () => isClosed,
    frame(data) {
      if (!isClosed) ws.send(data);
    },
    request(json, { attachments = [], announced = attachments.length, timeoutMs = 5000 } = {}) {
      if (isClosed) return Promise.resolve(undefined);
      const id = nextAck++;
      const type = announced > 0 ? `5${announced}-` : '2';
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(undefined);
        }, timeoutMs);
        waiting.set(id, (data) => {
          clearTimeout(timer);
          resolve(data);
        });
        ws.send(`4${header(type, namespace)}${id}${json}`);
        for (const a of attachments) ws.send(a);
      });
    },
    close() {
      ws.close();
    },
  };
}
