/**
 * Closing and reopening a case (issue #14): a supervisor closes a resolved case
 * (`case.close`, with the token the hub gave them at sign-in), and the hub closes one by
 * itself 10 working days after it was resolved. A reporter's callback saying it is not
 * fixed reopens it: the desk's outbox sends it as a `case.append` callback entry, then the
 * new dispatches as `dispatch` messages naming the earlier one (`reopens`), so the callback
 * and its dispatches reach the hub exactly once, in order, offline or not. The events say
 * so to every desk: `case.closed`, `case.reopened`.
 */
import { z } from 'zod';
import { Actor, EventActor } from './actor';
import { PersonToken } from '../domain/account';
import { EpochMs, Role, Uuid } from '../domain/case';

/** A supervisor's closing note, or the reporter's words when they call back. */
export const ClosingText = z.string().trim().min(1).max(1000);

/**
 * The reporter called back about the resolved case (a `case.append` entry): not `fixed`,
 * it reopens; `text` is what they said.
 */
export const CallbackEntry = z.object({
  kind: z.literal('callback'),
  fixed: z.boolean(),
  text: ClosingText,
});

/**
 * On a dispatch (its message, its events, the OPD's copy): the resolved dispatch to the same
 * OPD that a reporter's callback reopened.
 */
export const Reopens = { reopens: Uuid.optional() };

/** A supervisor closes a resolved case. Idempotent on `closeId`. */
export const CaseClose = z
  .object({
    closeId: Uuid,
    caseId: Uuid,
    note: ClosingText.optional(),
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();

const eventBase = {
  seq: z.number().int().positive(),
  at: EpochMs,
  actor: EventActor,
};

/**
 * The case is closed: by the supervisor in `actor`, or (`auto`) by the hub itself after 10
 * working days resolved, with no reply from the reporter.
 */
export const CaseClosedEvent = z.object({
  ...eventBase,
  type: z.literal('case.closed'),
  caseId: Uuid,
  auto: z.boolean(),
  note: z.string().max(1000).optional(),
});

/** A reporter's callback reopened the case; its new dispatches come as `dispatch.status`. */
export const CaseReopenedEvent = z.object({
  ...eventBase,
  type: z.literal('case.reopened'),
  caseId: Uuid,
  reason: z.string().max(1000),
});

/** Who closes a case when nobody does: the hub, as events name it. */
export const AUTO_CLOSE_ACTOR = { id: 'hub', role: 'supervisor', person: 'Sigap' } as const;
