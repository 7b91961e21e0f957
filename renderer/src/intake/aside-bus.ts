/**
 * How a ringing call reaches the rest of the desk: F2 announces a new call, and an open
 * case steps aside for it (its id joins the intake's aside list) instead of covering the
 * new call's form; bringing it back asks the queue to open it again.
 */
import { useEffect } from 'react';

const bus = new EventTarget();

const on = (name: string, listener: (caseId: string) => void): (() => void) => {
  const handler = (e: Event) => listener((e as CustomEvent<string>).detail);
  bus.addEventListener(name, handler);
  return () => bus.removeEventListener(name, handler);
};
const emit = (name: string, caseId = '') =>
  bus.dispatchEvent(new CustomEvent(name, { detail: caseId }));

export const announceNewCall = (): void => void emit('new-call');
export const reopenCase = (caseId: string): void => void emit('reopen-case', caseId);
/** The intake hears which case stepped aside. */
export const onCaseAside = (listener: (caseId: string) => void) => on('case-aside', listener);

/**
 * For the view that shows a case: when a new call rings, the open case steps aside (and is
 * listed to come back); a case brought back from the list opens again.
 */
export function useCaseStepsAside(
  openCase: string | undefined,
  setOpenCase: (caseId: string | undefined) => void,
): void {
  useEffect(
    () =>
      on('new-call', () => {
        if (!openCase) return;
        emit('case-aside', openCase);
        setOpenCase(undefined);
      }),
    [openCase, setOpenCase],
  );
  useEffect(() => on('reopen-case', (caseId) => setOpenCase(caseId)), [setOpenCase]);
}
