/**
 * A new supervisors' alarm as a desktop notification: in the desktop app through the console
 * API (`alarm.notify`, shown by the main process); in a browser tab through the page's
 * Notification API, only where the person has permitted it — otherwise nothing (the tone and
 * the panel remain either way).
 */
import type { ConsoleClient } from '../../../shared/api/client';
import type { DesktopNotice } from '../../../shared/api/supervise-contract';

export function showDesktopNotification(
  client: ConsoleClient,
  desktop: boolean,
  notice: DesktopNotice,
): void {
  if (desktop) {
    void client['alarm.notify'](notice);
    return;
  }
  if (typeof Notification !== 'function' || Notification.permission !== 'granted') return;
  try {
    new Notification(notice.title, { body: notice.body, tag: notice.tag });
  } catch {
    // A host that refuses to build one: the tone and the panel remain.
  }
}
