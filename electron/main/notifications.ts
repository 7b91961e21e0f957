/**
 * Desktop notifications for supervisors' alarms, shown by the main process (the page asks
 * through `alarm.notify`). Silent: the page already sounds the alarm tone. Plain text only —
 * some Linux notification servers read markup in the body, so markup characters are dropped.
 */
import { Notification } from 'electron';
import type { DesktopNotice } from '../../shared/api/supervise-contract';
import type { Logger } from '../../shared/log';

const plain = (text: string): string => text.replace(/[<>&]/g, ' ');

export function desktopNotifier(log: Logger): (notice: DesktopNotice) => boolean {
  // The same alarm (tag) is shown once, though several windows may ask.
  const shown = new Set<string>();
  return (notice) => {
    if (!Notification.isSupported()) return false;
    if (shown.has(notice.tag)) return true;
    try {
      new Notification({
        title: plain(notice.title),
        body: plain(notice.body),
        silent: true,
      }).show();
      shown.add(notice.tag);
      return true;
    } catch (error) {
      log.warn('desktop notification not shown', { error: String(error) });
      return false;
    }
  };
}
