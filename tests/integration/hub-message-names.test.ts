/**
 * A message's name comes from the peer like everything else in it: a socket.io event
 * named by a number (the ordinary client call `socket.emit(1, {}, cb)`) or by nothing at
 * all (a raw packet socket.io's parser accepts) is refused with `protocol.unknown_message`
 * on every namespace, the peer stays connected and the hub process stays the same.
 */
import { expect, it } from 'vitest';
import { hubForTests, send } from '../support/hub-peers';
import { describeEachStore } from '../support/hub-stores';
import { randomToken } from '../support/processes';
import { connectRaw } from '../support/raw-peer';

const desk = { token: randomToken(), kind: 'desk' as const, id: 'desk-1' };
const dlh = { token: randomToken(), kind: 'opd' as const, id: 'dlh', person: 'Sari' };
const spv = { token: randomToken(), kind: 'supervisor' as const, id: 'spv-1', person: 'Budi' };

const unknown = { ok: false, error: { code: 'protocol.unknown_message' } };

describeEachStore('message names the hub does not know', (store) => {
  const hub = hubForTests([desk, dlh, spv], store);
  for (const [ns, token] of [
    ['/desk', desk.token],
    ['/opd', dlh.token],
    ['/supervisor', spv.token],
  ] as const) {
    it(`refuses a number or no name on ${ns} and keeps the peer and the hub`, async () => {
      const pid = hub.process().pid;
      const s = await hub.connect(ns, token);
      // socket.io-client's typing wants a string; at run time any number goes out as is.
      expect(await send(s, 1 as unknown as string, {})).toMatchObject(unknown);
      expect(await send(s, 2.5 as unknown as string, { sinceSeq: 0 })).toMatchObject(unknown);
      expect(await send(s, 'error', {})).toMatchObject(unknown);

      const raw = await connectRaw(hub.url(), ns, token);
      // An event packet with an ack id and no data at all: no name, no payload.
      expect(await raw.request('')).toMatchObject([
        { ok: false, error: { code: 'protocol.unknown_message', message: /no name/ } },
      ]);
      expect(await raw.request('[-7,{}]')).toMatchObject([unknown]);
      // Without an ack id there is no answer; the next message on the connection is served.
      raw.frame(`42${ns},`);
      raw.frame(`42${ns},[0]`);
      expect(await raw.request('["hello",{}]')).toMatchObject([{ ok: true }]);
      expect(raw.closed()).toBe(false);
      raw.close();

      expect(await send(s, 'hello', {})).toMatchObject({ ok: true, protocol: 1 });
      expect(s.connected).toBe(true);
      expect(hub.process()).toEqual({ pid, exited: false });
    });
  }
});
