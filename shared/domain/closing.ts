/**
 * Closing a resolved case and a reporter's callback about it (issue #14): what the
 * timeline keeps of each, as JSON every desk shows in its own language.
 */
import { z } from 'zod';

/** How a case was closed: `person` who closed it (none when the hub closed it by itself). */
export const ClosedNote = z.object({
  auto: z.boolean(),
  person: z.string().max(120).optional(),
  note: z.string().max(1000).optional(),
});
export type ClosedNote = z.infer<typeof ClosedNote>;

/** What the reporter said when they called back about the resolved case. */
export const CallbackNote = z.object({
  fixed: z.boolean(),
  reason: z.string().max(1000),
});
export type CallbackNote = z.infer<typeof CallbackNote>;
