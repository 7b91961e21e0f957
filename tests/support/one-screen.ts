/**
 * A console core seen from one screen, for tests and benchmarks that play a single desk
 * with one person on it: the core itself plus that screen's `dispatch`.
 */
import type { ConsoleSession, Core } from '../../electron/core/core';

export type OneScreenCore = Core & Pick<ConsoleSession, 'dispatch'>;

export function oneScreen(core: Core): OneScreenCore {
  const screen = core.openSession();
  return { ...core, dispatch: screen.dispatch };
}
