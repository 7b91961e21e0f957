/**
 * A console core seen from one screen, for tests and benchmarks that play a single desk
 * with one person on it: after `oneScreen(core)`, `core.call` calls as that screen.
 */
import type { ConsoleSession, Core } from '../../electron/core/core';

export type OneScreenCore = Core & Pick<ConsoleSession, 'call'>;

export function oneScreen(core: Core): asserts core is OneScreenCore {
  const screen = core.openSession();
  Object.assign(core, { call: screen.call });
}
