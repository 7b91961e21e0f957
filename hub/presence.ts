/**
 * Who is at the center now, kept in memory by the hub: which desks are connected, who is
 * signed in at each and whether a call form is open there (the desk's `desk.person`
 * report), and how many inbox pages each OPD has open (its `/opd` room). Nothing here is
 * stored: after a hub restart every desk reports again as it reconnects. With several hub
 * nodes, each shares what it sees (cluster.ts) and the figures add up every node's.
 */
import type { Server } from 'socket.io';
import { z } from 'zod';
import type { DeskPresence, Presence } from '../shared/domain/dashboard/build';
import type { DeskPerson } from '../shared/hub/dashboard';

interface DeskState {
  /** Connected sockets of the desk (a desk reconnecting may briefly hold two). */
  sockets: Set<string>;
  people: string[];
  onCall: boolean;
}

/** What one node sees, as it shares it with the others. */
export const NodePresence = z.object({
  desks: z
    .array(
      z.object({
        deskId: z.string().max(200),
        online: z.boolean(),
        people: z.array(z.string().max(200)).max(20),
        onCall: z.boolean(),
      }),
    )
    .max(1000),
  watchers: z.record(z.string().max(200), z.number().int().min(0)),
});
export type NodePresence = z.infer<typeof NodePresence>;

/** A node not heard from for this long is gone: what it saw no longer counts. */
const REMOTE_TTL_MS = 10_000;

export function createPresence(
  io: Server,
  opdRoom: (opdId: string) => string,
  now: () => number = Date.now,
) {
  const desks = new Map<string, DeskState>();
  const remote = new Map<string, { seen: NodePresence; at: number }>();
  const others = (): NodePresence[] =>
    [...remote.values()].filter((r) => now() - r.at < REMOTE_TTL_MS).map((r) => r.seen);
  const desk = (deskId: string): DeskState => {
    let d = desks.get(deskId);
    if (!d) {
      d = { sockets: new Set(), people: [], onCall: false };
      desks.set(deskId, d);
    }
    return d;
  };

  const localDesks = (): DeskPresence[] =>
    [...desks].map(([deskId, d]) => ({
      deskId,
      online: d.sockets.size > 0,
      people: [...d.people],
      onCall: d.onCall,
    }));

  return {
    deskConnected(deskId: string, socketId: string): void {
      desk(deskId).sockets.add(socketId);
    },
    /** The desk's last connection gone: nobody is known to be signed in there any more. */
    deskDisconnected(deskId: string, socketId: string): void {
      const d = desk(deskId);
      d.sockets.delete(socketId);
      if (d.sockets.size === 0) {
        d.people = [];
        d.onCall = false;
      }
    },
    deskReported(deskId: string, report: DeskPerson): void {
      const d = desk(deskId);
      d.people = report.people.map((p) => p.name);
      d.onCall = report.onCall;
    },
    /** OPD id → open inbox pages: this node's `/opd` rooms, so never stale, and the others'. */
    watchers(opdIds: readonly string[]): Map<string, number> {
      const rooms = io.of('/opd').adapter.rooms;
      const seen = others();
      return new Map(
        opdIds.map((id) => [
          id,
          seen.reduce((n, p) => n + (p.watchers[id] ?? 0), rooms.get(opdRoom(id))?.size ?? 0),
        ]),
      );
    },
    /** What this node sees, for the others. */
    local(): NodePresence {
      const watchers: Record<string, number> = {};
      for (const [room, sockets] of io.of('/opd').adapter.rooms) {
        if (room.startsWith(opdRoom(''))) watchers[room.slice(opdRoom('').length)] = sockets.size;
      }
      return { desks: localDesks(), watchers };
    },
    /** What another node sees, as it last said. */
    heard(node: string, seen: NodePresence): void {
      remote.set(node, { seen, at: now() });
    },
    snapshot(opdIds: readonly string[]): Presence {
      const merged = new Map<string, DeskPresence>();
      for (const d of [...localDesks(), ...others().flatMap((p) => p.desks)]) {
        const known = merged.get(d.deskId);
        merged.set(
          d.deskId,
          known
            ? {
                deskId: d.deskId,
                online: known.online || d.online,
                people: [...new Set([...known.people, ...d.people])],
                onCall: known.onCall || d.onCall,
              }
            : { ...d, people: [...d.people] },
        );
      }
      return { desks: [...merged.values()], watchers: this.watchers(opdIds) };
    },
  };
}

export type HubPresence = ReturnType<typeof createPresence>;
