/**
 * The intake panel's effects around its reducer: drafts offered back at sign-in, the call
 * being typed saved as a draft a moment after each change (and at once when it goes
 * aside), the save itself — one console call that also sends to the ticked OPDs — and
 * ending a call with a disposition key, and a silent call's callback.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { fieldErrors, type ApiError, type ApiResult } from '../../../shared/api/errors';
import { IntakeForm } from '../../../shared/domain/intake';
import type { CallbackOutcome, ScreenDisposition } from '../../../shared/domain/screening';
import { useClient } from '../api/client-context';
import { useReference } from '../reference/reference-context';
import { onReopenRequest } from '../screening/reopen-bus';
import { announceNewCall, onCaseAside, reopenCase } from './aside-bus';
import {
  callFromDraft,
  draftOf,
  initialState,
  intakeReducer,
  isBlank,
  hasNumber,
  type Call,
  type CallPatch,
} from './form-state';

const DRAFT_DELAY_MS = 300;

export function useIntake() {
  const client = useClient();
  const ref = useReference();
  const [state, dispatch] = useReducer(intakeReducer, initialState);
  // Handlers read the state as of the last render (they run after it).
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // A draft that could not be written, listed or discarded: the panel says so until a
  // later draft write succeeds (the typed call is still on screen meanwhile).
  const [draftError, setDraftError] = useState<ApiError>();
  const noteDraft = useCallback(
    (r: ApiResult<unknown>) => setDraftError(r.ok ? undefined : r.error),
    [],
  );
  const discardDraft = useCallback(
    (callId: string) =>
      void client['draft.discard']({ callId }).then((r) => !r.ok && setDraftError(r.error)),
    [client],
  );
  const keepDraft = useCallback(
    (call: Call) => void client['draft.save'](draftOf(call)).then(noteDraft),
    [client, noteDraft],
  );

  useEffect(() => {
    void client['draft.list']({}).then((r) => {
      if (!r.ok) setDraftError(r.error);
      else {
        dispatch({
          type: 'draftsLoaded',
          calls: r.value.drafts.map((d) => callFromDraft(d, ref.kecamatanName)),
        });
      }
    });
  }, [client, ref]);

  useEffect(() => onCaseAside((caseId) => dispatch({ type: 'caseAside', caseId })), []);

  // Autosave the call being typed shortly after each change; a blank call is not kept.
  const current = state.current;
  useEffect(() => {
    clearTimeout(timer.current);
    if (!current || isBlank(current)) return;
    timer.current = setTimeout(() => keepDraft(current), DRAFT_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [current, keepDraft]);

  /** The call being typed is about to go aside: its draft is written now, not in a moment. */
  const setCurrentAside = useCallback(() => {
    const call = latest.current.current;
    clearTimeout(timer.current);
    if (!call) return;
    if (isBlank(call)) discardDraft(call.callId);
    else keepDraft(call);
  }, [discardDraft, keepDraft]);

  const start = useCallback(() => {
    setCurrentAside();
    announceNewCall();
    dispatch({ type: 'newCall', callId: uuidv7(), now: Date.now() });
  }, [setCurrentAside]);

  // Calls a supervisor started from a screened call (review, F9): new call id → screened call.
  const reopened = useRef(new Map<string, string>());
  useEffect(
    () =>
      onReopenRequest(({ callId: screened, number }) => {
        setCurrentAside();
        announceNewCall();
        const callId = uuidv7();
        reopened.current.set(callId, screened);
        dispatch({ type: 'newCall', callId, now: Date.now() });
        if (number) dispatch({ type: 'update', patch: { form: { callerNumber: number } } });
      }),
    [setCurrentAside],
  );
  const reopenedCallOf = useCallback((callId: string) => reopened.current.get(callId), []);

  const resume = useCallback(
    (callId: string) => {
      setCurrentAside();
      dispatch({ type: 'resume', callId });
    },
    [setCurrentAside],
  );

  const discardAside = useCallback(
    (callId: string) => {
      discardDraft(callId);
      dispatch({ type: 'dropAside', callId });
    },
    [discardDraft],
  );

  const openCaseAgain = useCallback((caseId: string) => {
    dispatch({ type: 'caseReopened', caseId });
    reopenCase(caseId);
  }, []);

  const update = useCallback((patch: CallPatch) => dispatch({ type: 'update', patch }), []);

  const abandon = useCallback(() => {
    const call = latest.current.current;
    if (!call) return;
    const s = latest.current;
    // Only an unanswered call is dropped; one with a number is asked for its disposition.
    if (s.armedEsc && !s.asking && !hasNumber(call)) {
      clearTimeout(timer.current);
      discardDraft(call.callId);
    }
    dispatch({ type: 'escape' });
  }, [discardDraft]);

  /** Saves the call; with OPDs, the case and its dispatches commit together or not at all. */
  const save = useCallback(
    async (dispatchTo: readonly string[] = []) => {
      const call = latest.current.current;
      if (!call) return;
      const local = IntakeForm.safeParse(call.form);
      if (!local.success) {
        dispatch({ type: 'invalid', errors: fieldErrors(local.error) });
        return;
      }
      clearTimeout(timer.current);
      const result = await client['intake.save']({
        callId: call.callId,
        startedAt: call.startedAt,
        form: call.form,
        ...(dispatchTo.length > 0 ? { dispatchTo: [...dispatchTo] } : {}),
        ...(call.callbackOf ? { callbackOf: call.callbackOf } : {}),
        ...(reopened.current.has(call.callId)
          ? { reopenedCallId: reopened.current.get(call.callId) }
          : {}),
      });
      if (result.ok) {
        dispatch({
          type: 'saved',
          callId: call.callId,
          at: result.value.savedAt,
          sent:
            result.value.dispatches.length > 0
              ? { caseId: result.value.caseId, dispatches: result.value.dispatches }
              : null,
        });
      } else {
        // Still a draft: whatever was typed since is kept too.
        keepDraft(latest.current.current?.callId === call.callId ? latest.current.current : call);
        dispatch({ type: 'saveFailed', callId: call.callId, error: result.error });
      }
    },
    [client, keepDraft],
  );

  // One disposition or callback at a time: a key held down sends one request.
  const busy = useRef(false);

  /** Ends the call with a disposition: stored (no case) and the form is clear for the next. */
  const dispose = useCallback(
    async (disposition: ScreenDisposition) => {
      const call = latest.current.current;
      if (!call || busy.current) return;
      busy.current = true;
      clearTimeout(timer.current);
      try {
        const result = await client['call.screen']({
          callId: call.callId,
          startedAt: call.startedAt,
          callerNumber: call.form.withheld ? '' : call.form.callerNumber,
          withheld: call.form.withheld,
          disposition,
          note: call.screenNote,
          ticks: call.ticks,
        });
        if (result.ok) {
          dispatch({
            type: 'screened',
            callId: call.callId,
            disposition: result.value.disposition,
            callbackNumber: result.value.callbackNumber,
          });
        } else {
          keepDraft(latest.current.current?.callId === call.callId ? latest.current.current : call);
          dispatch({ type: 'saveFailed', callId: call.callId, error: result.error });
        }
      } finally {
        busy.current = false;
      }
    },
    [client, keepDraft],
  );

  /** Records how calling the silent caller back went; a genuine caller's case starts at once. */
  const [callbackError, setCallbackError] = useState<ApiError>();
  const recordCallback = useCallback(
    async (outcome: CallbackOutcome) => {
      const offered = latest.current.callback;
      if (!offered || busy.current) return;
      busy.current = true;
      try {
        const result = await client['call.callback']({ callId: offered.callId, outcome });
        if (!result.ok) {
          setCallbackError(result.error);
          return;
        }
        setCallbackError(undefined);
        if (outcome === 'genuine') {
          setCurrentAside();
          announceNewCall();
          dispatch({
            type: 'callbackCall',
            callId: uuidv7(),
            now: Date.now(),
            number: result.value.callerNumber,
            callbackOf: offered.callId,
          });
        } else dispatch({ type: 'callbackRecorded', callId: offered.callId, outcome });
      } finally {
        busy.current = false;
      }
    },
    [client, setCurrentAside],
  );

  return {
    state,
    dispose,
    recordCallback,
    callbackError,
    dispatch,
    draftError,
    start,
    resume,
    discardAside,
    openCaseAgain,
    update,
    abandon,
    save,
    reopenedCallOf,
  };
}
