/**
 * The calendar alarm at the hub (issue #14, "a missing year raises an alarm"): a supervisor
 * acknowledges that the holiday calendar of a year is missing or not complete, for every
 * supervisor. Carries the signed-in supervisor's token like every supervisor message; the
 * hub answers with the first acknowledgement's seq and tells every desk in `calendar.acked`.
 */
import { z } from 'zod';
import { PersonToken } from '../domain/account';
import { CalendarProblem } from '../domain/calendar-alarm';
import { Role, Uuid } from '../domain/case';
import { Actor } from './actor';

/** A calendar year as calendar.json lists them. */
export const CalendarYearNumber = z.number().int().min(2000).max(2100);

/** "Seen: the calendar of `year` needs completing." Idempotent on `ackId`. */
export const CalendarAck = z
  .object({
    ackId: Uuid,
    year: CalendarYearNumber,
    problem: CalendarProblem,
    personToken: PersonToken.optional(),
    personRole: Role.optional(),
    actor: Actor,
  })
  .strict();

/** The body of the `calendar.acked` event, after the event's own fields. */
export const CalendarAckedFields = { year: CalendarYearNumber, problem: CalendarProblem };
