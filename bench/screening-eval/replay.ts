/**
 * Replays a labeled call log through a real console core (its own temporary store) with the
 * core's clock set to each call's start, so the likelihood is the console's own, computed
 * from what the desk knew when the number was entered. After each call the operator's
 * disposition is recorded as the console records it: a genuine call saved as a case
 * (`intake.save`), any other screened out (`call.screen`), a silent call called back. A
 * genuine call the operator screened out anyway (a mislabel in the log) stays in the
 * history as the operator recorded it, and is then reopened as a case by the shift's
 * supervisor review (`intake.save` with `reopenedCallId`), as the center's routine is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openCore } from '../../electron/core/core';
import { repoRoot } from '../../electron/launch/paths';
import type { ApiResult } from '../../shared/api/errors';
import { emptyIntakeForm, type IntakeForm } from '../../shared/domain/intake';
import { normalizeNumber } from '../../shared/domain/phone';
import type { EvalCall } from '../../shared/domain/screening/eval-log';
import type { EvalOutcome } from '../../shared/domain/screening/eval-figures';
import type { Likelihood } from '../../shared/domain/screening/reasons';
import { createLogger } from '../../shared/log';

export interface ReplayOptions {
  /** Folder with screening.json and the reference data (default: the repo's resources/data). */
  resourcesDir?: string;
  progress?: (done: number, total: number) => void;
}

/** A genuine report as an operator would record it; the log carries no incident details. */
function reportForm(number: string | null, id: string): IntakeForm {
  return {
    ...emptyIntakeForm(),
    callerNumber: number ?? '',
    withheld: number === null,
    categoryId: 'pohon-tumbang',
    urgency: 'darurat',
    description: `Laporan dari log evaluasi (${id.slice(0, 60)})`,
    kecamatanId: 'taman',
    kelurahanId: 'kejuron',
    address: 'Jl. Pahlawan',
  };
}

export async function replayLog(
  calls: readonly EvalCall[],
  options: ReplayOptions = {},
): Promise<EvalOutcome[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-eval-'));
  const clock = { now: calls[0]?.start ?? Date.now() };
  const core = openCore({
    dataDir: dir,
    mode: 'browser',
    version: 'eval',
    log: createLogger('eval', () => undefined),
    resourcesDir: options.resourcesDir ?? path.join(repoRoot, 'resources', 'data'),
    now: () => clock.now,
  });
  try {
    const screen = core.openSession();
    const call = async <T>(channel: string, args: unknown): Promise<T> => {
      const r = (await screen.call(channel, args)) as ApiResult<T>;
      if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    const accounts = await core.ensureDemoAccounts();
    const operator = accounts!.find((a) => a.username === 'operator')!;
    await call('auth.signIn', { username: operator.username, password: operator.password });
    // The supervisor's own screen, for the review that reopens screened genuine calls.
    const review = core.openSession();
    const supervisor = accounts!.find((a) => a.username === 'supervisor')!;
    const signedIn = (await review.call('auth.signIn', {
      username: supervisor.username,
      password: supervisor.password,
    })) as ApiResult<unknown>;
    if (!signedIn.ok) throw new Error(`supervisor sign-in refused: ${signedIn.error.code}`);

    /** Saves a case; true when the store then holds it with this call on it. */
    const saveCase = async (
      callId: string,
      startedAt: number,
      number: string | null,
      id: string,
      extra = {},
      on = screen,
    ) => {
      const saved = await on.call('intake.save', {
        callId,
        startedAt,
        form: reportForm(number, id),
        ...extra,
      });
      if (!saved.ok) return false;
      const detail = await call<{ calls: Array<{ callId: string }> }>('case.get', {
        caseId: (saved.value as { caseId: string }).caseId,
      });
      return detail.calls.some((c) => c.callId === callId);
    };

    const outcomes: EvalOutcome[] = [];
    for (const c of calls) {
      const readable = c.number === null ? null : normalizeNumber(c.number);
      clock.now = c.start;
      const { likelihood } = await call<{ likelihood: Likelihood }>('caller.lookup', {
        number: (c.number ?? '').slice(0, 40),
        withheld: c.number === null,
        ticks: [],
      });
      clock.now = c.end;
      const recorded = c.disposition ?? c.label;
      const callId = uuidv7();
      // A number Sigap cannot read is recorded as withheld, as the operator would.
      const number = readable?.ok ? c.number : null;
      let storedAsCase = false;
      if (recorded === 'genuine') {
        storedAsCase = await saveCase(callId, c.start, number, c.id);
      } else {
        const screened = await call<{ callbackNumber: string | null }>('call.screen', {
          callId,
          startedAt: c.start,
          callerNumber: number ?? '',
          withheld: number === null,
          disposition: recorded,
          ticks: c.ticks,
        });
        if (recorded === 'silent' && screened.callbackNumber) {
          // Called back: a genuine caller then reports, and that report is a case.
          const outcome =
            c.label === 'genuine' ? 'genuine' : c.label === 'prank' ? 'prank' : 'no_answer';
          await call('call.callback', { callId, outcome });
          if (outcome === 'genuine') {
            storedAsCase = await saveCase(uuidv7(), c.end, number, c.id, { callbackOf: callId });
          }
        }
        if (c.label === 'genuine' && !storedAsCase) {
          // The review of the shift finds it and reopens it as a case.
          const reopenedId = uuidv7();
          storedAsCase = await saveCase(
            reopenedId,
            c.end,
            number,
            c.id,
            { reopenedCallId: callId },
            review,
          );
        }
      }
      outcomes.push({
        label: c.label,
        number: readable?.ok ? readable.e164 : c.number,
        flagged: likelihood.level === 'flag',
        storedAsCase,
      });
      options.progress?.(outcomes.length, calls.length);
    }
    return outcomes;
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
