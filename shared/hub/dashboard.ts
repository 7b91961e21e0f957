/**
 * Hub protocol v1 messages of the supervisor's dashboard: a desk reports who is signed in at
 * it and whether a call form is open (`desk.person`); a supervisor's desk asks for the live
 * figures (`dashboard.subscribe`), which the hub then pushes as `dashboard` snapshots.
 */
import { z } from 'zod';
import { PersonToken } from '../domain/account';
import { EpochMs, Role } from '../domain/case';
import { Dashboard } from '../domain/dashboard/model';
import { AckError } from './acks';
import { Actor } from './messages';

export const DeskPerson = z
  .object({
    /** Everyone signed in at the desk now (one per screen); none after the last sign-out. */
    people: z
      .array(z.object({ name: z.string().trim().min(1).max(120), role: Role }).strict())
      .max(16),
    /** A call form is open on one of the desk's screens. */
    onCall: z.boolean(),
    actor: Actor,
  })
  .strict();
export type DeskPerson = z.infer<typeof DeskPerson>;

/**
 * Start (`on`) or stop the `dashboard` pushes to this desk. Starting needs the signed-in
 * supervisor's `personToken`, as for a soft block; `personRole` (older desks) is ignored.
 */
export const DashboardSubscribe = z
  .object({
    on: z.boolean(),
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();

/** The figures as the hub pushes them; `emittedAt` is the hub's clock when it sent them. */
export const DashboardPush = Dashboard.extend({ emittedAt: EpochMs });
export type DashboardPush = z.infer<typeof DashboardPush>;

const Refused = z.object({ ok: z.literal(false), error: AckError });
export const DeskPersonAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  Refused,
]);
/** Subscribing answers with the figures now; unsubscribing with none. */
export const DashboardSubscribeAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), dashboard: DashboardPush.optional() }),
  Refused,
]);
