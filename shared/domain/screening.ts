/**
 * Screening vocabulary (DESIGN §2 "Prank screening"): how a call that opened no case ended,
 * what the operator noticed during it, and how a silent call's callback went. The rules that
 * turn these into a likelihood live beside this file; their numbers live in resources/.
 */
import { z } from 'zod';
import { Disposition } from './case';

/** A call ended without a case: one key each on the intake screen, never preselected. */
export const ScreenDisposition = Disposition.exclude(['case']);
export type ScreenDisposition = z.infer<typeof ScreenDisposition>;

/** What the operator ticks while the call runs; each feeds the likelihood. */
export const Tick = z.enum(['laughter', 'children', 'abuse', 'no_voice']);
export type Tick = z.infer<typeof Tick>;

/** A silent call is called back (EENA/NENA: the caller may be unable to speak). */
export const CallbackOutcome = z.enum(['no_answer', 'genuine', 'prank']);
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;
