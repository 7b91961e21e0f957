/**
 * How a ringing call reaches the rest of the desk: F2 announces a new call, and an open
 * case steps aside for it (its id joins the intake's aside list) instead of covering the
 * new call's form; bringing it back asks the queue to open it again, with what was typed
 * in its dialog (case-inputs.ts) as it was left.
 */
import { useCallback, useEffect, useRef } from 'react';
import { keptInputs, type KeptInputs } from '../case/case-inputs';

const bus = new EventTarget();

const on = (name: string, listener: (caseId: string) => void): (() => void) => {
  const handler = (e: Event) => listener((e as CustomEvent<string>).detail);
  bus.addEventListener(name, handler);
  return () => bus.removeEventListener(name, handler);
};
const emit = (name: string, caseId = '') =>
  bus.dispatchEvent(new CustomEvent(name, { detail: caseId }));

export const announceNewCall = (): void => void emit('new-call');
/** For an open case's dialog: note where the cursor was before it steps aside. */
export const onNewCall = (listener: () => void) => on('new-call', listener);
export const reopenCase = (caseId: string): void => void emit('reopen-case', caseId);
/** The intake hears which case stepped aside. */
export const onCaseAside = (listener: (caseId: string) => void) => on('case-aside', listener);

/**
 * For the view that shows a case: when a new call rings, the open case steps aside (and is
 * listed to come back) keeping its dialog's unsaved inputs; a case brought back from the
 * list opens again with them. A case closed by the operator forgets them. Returns the
 * inputs the open case's dialog starts from and writes into.
 */
export function useCaseStepsAside(
  openCase: string | undefined,
  setOpenCase: (caseId: string | undefined) => void,
): { inputsFor(caseId: string): KeptInputs } {
  // Per case, in this workspace's memory only (gone at sign-out, with the workspace).
  const kept = useRef(new Map<string, KeptInputs>());
  const aside = useRef(new Set<string>());
  useEffect(
    () =>
      on('new-call', () => {
        if (!openCase) return;
        aside.current.add(openCase);
        emit('case-aside', openCase);
        setOpenCase(undefined);
      }),
    [openCase, setOpenCase],
  );
  useEffect(() => on('reopen-case', (caseId) => setOpenCase(caseId)), [setOpenCase]);
  // A case leaving the screen any other way (closed, or another case opened over it) was
  // dealt with by the operator: its unsaved inputs are not kept for later.
  useEffect(() => {
    if (!openCase) return;
    const [asideIds, keptIds] = [aside.current, kept.current];
    asideIds.delete(openCase);
    return () => {
      if (!asideIds.has(openCase)) keptIds.delete(openCase);
    };
  }, [openCase]);
  const inputsFor = useCallback((caseId: string) => {
    let inputs = kept.current.get(caseId);
    if (!inputs) kept.current.set(caseId, (inputs = keptInputs()));
    return inputs;
  }, []);
  return { inputsFor };
}
