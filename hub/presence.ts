/**
 * Who is at the center now, kept in memory by the hub: which desks are connected, who is
 * signed in at each and whether a call form is open there (the desk's `desk.person`
 * report), and how many inbox pages each OPD has open (its `/opd` room). Nothing here is
 * stored: after a hub restart every desk reports again as it reconnects.
 */
import type { Server } from 'socket.io';
import type { DeskPresence, Presence } from '../shared/domain/dashboard/build';
import type { DeskPerson } from '../shared/hub/dashboard';

interface DeskState {
  /** Connected sockets of the desk (a desk reconnecting may briefly hold two). */
  sockets: Set<string>;
  people: string[];
  onCall: boolean;
}

export function createPresence(io: Server, opdRoom: (opdId: string) => string) {
  const desks = new Map<string, DeskState>();
  const desk = (deskId: string): DeskState => {
    let d = desks.get(deskId);
    if (!d) {
      d = { sockets: new Set(), people: [], onCall: false };
      desks.set(deskId, d);
    }
    return d;
  };

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
    /** OPD id → open inbox pages: read from the `/opd` rooms, so it is never stale. */
    watchers(opdIds: readonly string[]): Map<string, number> {
      const rooms = io.of('/opd').adapter.rooms;
      return new Map(opdIds.map((id) => [id, rooms.get(opdRoom(id))?.size ?? 0]));
    },
    snapshot(opdIds: readonly string[]): Presence {
      const list: DeskPresence[] = [...desks].map(([deskId, d]) => ({
        deskId,
        online: d.sockets.size > 0,
        people: [...d.people],
        onCall: d.onCall,
      }));
      return { desks: list, watchers: this.watchers(opdIds) };
    },
  };
}

export type HubPresence = ReturnType<typeof createPresence>;
