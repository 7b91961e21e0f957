/**
 * The call being recorded: its id and start time (taken when the operator pressed the
 * new-call key), the form, and a draft saved to the store while typing so a crash or a
 * closed window loses at most the last moment.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { ApiResult } from '../../../shared/api/errors';
import { emptyIntakeForm, type Draft, type IntakeForm } from '../../../shared/domain/intake';
import { useClient } from '../api/client-context';

export interface IntakeState {
  callId: string;
  startedAt: number;
  form: IntakeForm;
  categoryText: string;
  kecamatanText: string;
  kelurahanText: string;
  /** Once the operator picks an urgency, a category change no longer overrides it. */
  urgencyTouched: boolean;
}

const DRAFT_DELAY_MS = 300;

export function useIntake() {
  const client = useClient();
  const [state, setState] = useState<IntakeState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const start = useCallback(() => {
    setState({
      callId: uuidv7(),
      startedAt: Date.now(),
      form: emptyIntakeForm(),
      categoryText: '',
      kecamatanText: '',
      kelurahanText: '',
      urgencyTouched: false,
    });
  }, []);

  const update = useCallback(
    (patch: Partial<Omit<IntakeState, 'form'>> & { form?: Partial<IntakeForm> }) => {
      setState((s) => (s ? { ...s, ...patch, form: { ...s.form, ...patch.form } } : s));
    },
    [],
  );

  const restore = useCallback((draft: Draft, names: { kecamatan: (id: string) => string }) => {
    const f = draft.form;
    setState({
      callId: draft.callId,
      startedAt: draft.startedAt,
      form: {
        ...emptyIntakeForm(),
        ...Object.fromEntries(Object.entries(f).filter(([k]) => k in emptyIntakeForm())),
      } as IntakeForm,
      categoryText: f.categoryText ?? '',
      kecamatanText: f.kecamatanId ? names.kecamatan(f.kecamatanId) : '',
      kelurahanText: f.kelurahanText ?? '',
      urgencyTouched: false,
    });
  }, []);

  const close = useCallback(() => {
    clearTimeout(timer.current);
    setState(null);
  }, []);

  // Autosave the draft shortly after each change.
  useEffect(() => {
    if (!state) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void client['draft.save']({
        callId: state.callId,
        startedAt: state.startedAt,
        form: {
          ...state.form,
          categoryText: state.categoryText,
          kelurahanText: state.kelurahanText,
        },
      });
    }, DRAFT_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [client, state]);

  const save = useCallback(async (): Promise<
    ApiResult<{ caseId: string; savedAt: number }> | undefined
  > => {
    if (!state) return undefined;
    clearTimeout(timer.current);
    return client['intake.save']({
      callId: state.callId,
      startedAt: state.startedAt,
      form: state.form,
    });
  }, [client, state]);

  return { state, start, update, restore, close, save };
}
