/**
 * Errors as values: every failure that crosses a boundary (bridge call, socket ack) is an
 * ApiError with a stable code and a message an operator can read. Never a thrown string.
 */
import { z } from 'zod';

export const ErrorCode = z.enum([
  /** The request body or envelope could not be read at all (not JSON, too large). */
  'api.bad_request',
  /** No such channel in the console API contract. */
  'api.unknown_channel',
  /** The arguments do not match the channel's schema; `fields` says which. */
  'api.invalid_args',
  /** The console backend could not be reached at all (host stopped, network error). */
  'api.unreachable',
  /** The caller did not present this run's secret. */
  'auth.missing_key',
  /**
   * A desktop IPC call came from a frame other than the console page (another origin, a
   * sub-frame, or a frame already gone); main refuses it before core sees it.
   */
  'ipc.foreign_sender',
  /**
   * The call named no screen of the browser host, or one that has ended (the host
   * restarted, or the page was gone too long): the page opens a new, signed-out screen.
   */
  'auth.no_screen',
  /** Nobody is signed in on the calling screen (this tab or window). */
  'auth.required',
  /** Wrong username or password (never says which). */
  'auth.bad_credentials',
  /** No case with that id in this desk's store. */
  'case.not_found',
  /** Another desk holds the case: take it over before editing it. */
  'case.not_holder',
  /** The case is cancelled or closed: it takes no more edits. */
  'case.closed',
  /** Only a resolved case is closed, and only a resolved or closed one reopened. */
  'case.not_resolved',
  /** No call with that id was screened on this desk. */
  'call.not_found',
  /** Only a silent call (panggilan kosong) is called back. */
  'call.not_silent',
  /** The call's number is withheld or unreadable: there is no one to call back. */
  'call.no_number',
  /** This call's callback already has another outcome. */
  'call.callback_recorded',
  /** The signed-in person is not a supervisor (soft blocks, the review of screened calls). */
  'auth.not_supervisor',
  /** No soft block with that id on this desk. */
  'block.not_found',
  /** The number to block is not a valid phone number. */
  'block.number_invalid',
  /** The call to reopen was not screened out (it opened a case), or was reopened already. */
  'call.not_reopenable',
  /** A supervisor's action needs the hub, and the hub is not reachable now. */
  'hub.offline',
  /** The hub refused the action; `fields.hub` holds the hub's own code. */
  'hub.refused',
  /** The alarm is no longer raised (the OPD accepted, or it was re-routed). */
  'alarm.not_found',
  /** No dispatch with that id on this desk. */
  'dispatch.not_found',
  /** Reports: the date does not exist, or the schedule has no such shift. */
  'report.bad_date',
  'report.no_such_shift',
  /** Reports: the shift or day asked for has not begun yet. */
  'report.not_begun',
  /** Reports: no signed report with that id on this desk. */
  'report.not_found',
  /** Reports: the incoming supervisor's password is wrong, or the account is no supervisor. */
  'report.bad_signer',
  'report.same_signer',
  /** Desktop: the system print dialog could not be opened for the report. */
  'report.print_failed',
  /** The signed-in person's account was disabled (here or at the hub). */
  'auth.account_disabled',
  /** The hub does not take this person's session (no token yet, expired, unknown). */
  'auth.token_invalid',
  /** Accounts change only through the hub, and it is not connected. */
  'account.hub_offline',
  /** The first supervisor is made only while there is no account. */
  'account.exists',
  'account.username_taken',
  'account.unknown',
  /** The last enabled supervisor, or one's own account, cannot be disabled. */
  'account.last_supervisor',
  /** The hub refused an account change for another reason (its message is logged). */
  'account.refused',
  /** The password and its repeat differ. */
  'account.passwords_differ',
  /** The local store was written by a newer Sigap; it is left untouched. */
  'store.too_new',
  /** The hub URL is not allowed (plain http beyond loopback, malformed). */
  'hub.insecure_url',
  'hub.invalid_url',
  /** No export with that id was made by the signed-in person on this desk. */
  'export.not_found',
  /** The export has not finished (or was cancelled): there is no file to read. */
  'export.not_ready',
  /** Another export is running on this desk. */
  'export.busy',
  /** Something failed that the operator cannot fix; details are in the log. */
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field path → problem, for form-level messages. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): { ok: false; error: ApiError } => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** Flattens zod issues to `path → message` so a form can mark the exact field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
