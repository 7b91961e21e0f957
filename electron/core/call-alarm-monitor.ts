/**
 * Watches the clock for "Telepon OPD": a dispatch turns red by time passing alone, with no
 * change in the store, so core looks every few seconds (and right after any change). When
 * the set of red dispatches changes, the queues and status bar refresh; when a dispatch of
 * a case this desk holds turns red, the desk is alerted once for that red episode — a
 * dispatch that goes quiet ("sudah ditelepon", accepted) and turns red again is a new one.
 */
import type { Logger } from '../../shared/log';
import { paced } from './paced';
import type { CallAlarm, CallAlarmReads } from './store/call-alarms';

export const CALL_ALARM_CHECK_MS = 5_000;
/** The least time between two looks asked for by changes (a drain asks after every batch). */
const POKE_GAP_MS = 100;

export interface CallAlarmMonitorOptions {
  reads: CallAlarmReads;
  deskId: string;
  now(): number;
  log: Logger;
  /** The red set changed: these cases look different now. */
  changed(caseIds: string[]): void;
  /** A dispatch of a case this desk holds just turned red. */
  raised(alarm: CallAlarm): void;
  intervalMs?: number;
}

export interface CallAlarmMonitor {
  /** The dispatches needing a call, as of the last look. */
  current(): readonly CallAlarm[];
  /**
   * Look again soon (after a change in the store); several requests make one look, and a
   * stream of them one look every POKE_GAP_MS.
   */
  poke(): void;
  stop(): void;
}

export function startCallAlarmMonitor(o: CallAlarmMonitorOptions): CallAlarmMonitor {
  let red = new Map<string, CallAlarm>();
  let stopped = false;

  const look = (): void => {
    if (stopped) return;
    let next: Map<string, CallAlarm>;
    try {
      next = new Map(o.reads.current(o.now()).map((a) => [a.dispatchId, a]));
    } catch (error) {
      // A closed or busy store: the next look tries again; the alarms stay as they were.
      o.log.warn('call alarm check failed', { error: String(error) });
      return;
    }
    const cases = new Set<string>();
    for (const [id, a] of next) {
      if (red.has(id)) continue;
      cases.add(a.caseId);
      if (a.holderDesk === o.deskId) o.raised(a);
    }
    for (const [id, a] of red) if (!next.has(id)) cases.add(a.caseId);
    red = next;
    if (cases.size > 0) o.changed([...cases]);
  };

  look();
  const timer = setInterval(look, o.intervalMs ?? CALL_ALARM_CHECK_MS);
  timer.unref?.();
  const soon = paced(look, POKE_GAP_MS);

  return {
    current: () => [...red.values()],
    poke: () => soon.request(),
    stop() {
      stopped = true;
      soon.stop();
      clearInterval(timer);
    },
  };
}
