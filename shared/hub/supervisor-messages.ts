/**
 * Supervisors' hub messages (issue #14, "alarms that reach a person" and "actions"): they
 * acknowledge an alarm, escalate a dispatch to its OPD, re-route a case to another OPD and
 * hand a case to another desk. Each carries the token the hub gave the signed-in supervisor
 * (`personToken`); the hub refuses any other (hub/person-auth.ts `requireSupervisor`).
 * `personRole` is what desks before tokens sent: it is ignored.
 */
import { z } from 'zod';
import { AlarmLevel } from '../domain/alarm';
import { PersonToken } from '../domain/account';
import { Role, Uuid } from '../domain/case';
import { Identifier } from './protocol';
import { Actor } from './actor';

/** The supervisor's own text to an OPD or the timeline. */
export const SupervisorNote = z.string().trim().min(1).max(1000);

/** "Seen, I'm on it": one alarm (dispatch, level, arming) acknowledged. Idempotent on `ackId`. */
export const AlarmAck = z
  .object({
    ackId: Uuid,
    dispatchId: Uuid,
    level: AlarmLevel,
    /** Which arming of the dispatch's alarm: 0 as dispatched, n after the n-th escalation. */
    arming: z.number().int().nonnegative(),
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();

/** A note to the OPD holding a stuck dispatch; its alarm is re-armed. */
export const CaseEscalate = z
  .object({
    escalateId: Uuid,
    dispatchId: Uuid,
    note: SupervisorNote,
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();

/**
 * Withdraws a returned or stuck dispatch and dispatches the case to another OPD, in one
 * step. `newDispatchId` is the new dispatch's id. Idempotent on `rerouteId`.
 */
export const CaseReroute = z
  .object({
    rerouteId: Uuid,
    dispatchId: Uuid,
    newDispatchId: Uuid,
    opdId: Identifier,
    reason: SupervisorNote,
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();

/** A supervisor gives a case to a desk (their own: taking it from another). */
export const CaseAssign = z
  .object({
    assignId: Uuid,
    caseId: Uuid,
    toDesk: Identifier,
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();
