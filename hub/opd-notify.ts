/**
 * What an OPD's inbox pages hear of their dispatches, in that OPD's room only: a status
 * change (another clerk accepted it, the center withdrew it…) or an escalation. New
 * dispatches go as `dispatch.new` (peer-messages.ts). Each hub node tells its own pages.
 */
import type { Server } from 'socket.io';
import { isUnseen } from '../shared/domain/lifecycle';
import type { HubEvent } from '../shared/hub/messages';
import type { OpdDispatchChanged, OpdDispatchEscalated } from '../shared/hub/opd-messages';

export const opdRoom = (opdId: string) => `opd:${opdId}`;

/**
 * Tells the OPD whose dispatch it is that its status changed (another clerk accepted it,
 * the center withdrew it…), in that OPD's room only. New dispatches go as `dispatch.new`.
 */
export function notifyOpd(io: Server, e: HubEvent): void {
  if (e.type === 'dispatch.escalated') {
    const escalated: OpdDispatchEscalated = {
      dispatchId: e.dispatchId,
      note: e.note,
      actor: e.actor,
      at: e.at,
    };
    io.of('/opd').local.to(opdRoom(e.opdId)).emit('dispatch.escalated', escalated);
    return;
  }
  if (e.type !== 'dispatch.status' || !e.opdId || !e.dispatchId || !e.status) return;
  if (isUnseen(e.status)) return;
  const changed: OpdDispatchChanged = {
    dispatchId: e.dispatchId,
    status: e.status,
    ...(e.note ? { note: e.note } : {}),
    actor: e.actor,
    at: e.at,
  };
  io.of('/opd').local.to(opdRoom(e.opdId)).emit('dispatch.changed', changed);
}
