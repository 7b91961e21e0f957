/**
 * The console API of closing a resolved case and of a reporter's callback about it.
 * Spread into contract.ts. `case.close` is a supervisor's and needs the hub;
 * `case.callback` is any operator's, and works offline like any save.
 */
import { z } from 'zod';
import { Uuid } from '../domain/case';
import { ClosingText } from '../hub/closing-messages';
import { Identifier } from '../hub/protocol';

export const closingContract = {
  /** A supervisor closes a resolved case, with an optional note, through the hub. */
  'case.close': {
    args: z.object({ caseId: Uuid, note: ClosingText.optional() }).strict(),
    result: z.object({}),
  },
  /**
   * The reporter called back about a resolved (or closed) case. Not fixed: the case
   * reopens and goes back to the OPD(s) that resolved it, as new dispatches. Fixed: it is
   * recorded and nothing reopens. A short reason (the reporter's words) is required.
   */
  'case.callback': {
    args: z.object({ caseId: Uuid, fixed: z.boolean(), reason: ClosingText }).strict(),
    result: z.object({
      dispatches: z.array(z.object({ dispatchId: Uuid, opdId: Identifier })),
    }),
  },
} as const;
