/**
 * Who acted, as every hub message and event names them. Its own module so that each file of
 * the protocol (messages.ts and the per-area *-messages.ts) shares one definition.
 */
import { z } from 'zod';
import { Identifier } from './protocol';

/** As events carry it: extra fields from a newer hub are dropped, not refused. */
export const EventActor = z.object({
  id: Identifier,
  role: z.enum(['desk', 'opd', 'supervisor']),
  /** The person who acted: operator, OPD clerk, supervisor. */
  person: z.string().min(1).max(120),
});

/** As a peer sends it: nothing else. */
export const Actor = EventActor.strict();
export type Actor = z.infer<typeof Actor>;
