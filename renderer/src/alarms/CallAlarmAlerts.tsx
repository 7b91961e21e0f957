/**
 * Sound and notification on the desk holding a case when one of its dispatches turns red.
 * Core sends `alarm.raised` once per red episode (not on every refresh or reload); this
 * only turns it into a tone and, where the browser or desktop allows, a notification.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-context';
import { useReference } from '../reference/reference-context';
import { playAlarmTone, prepareAlarmTone, unlockAlarmTone } from './alarm-tone';

const canNotify = () => typeof Notification === 'function';

export function CallAlarmAlerts() {
  const { t } = useTranslation();
  const client = useClient();
  const ref = useReference();

  // The operator's first key or click lets audio start, and asks once to show notifications.
  useEffect(() => {
    prepareAlarmTone();
    const unlock = () => {
      unlockAlarmTone();
      if (canNotify() && Notification.permission === 'default') {
        void Notification.requestPermission().catch(() => undefined);
      }
      window.removeEventListener('keydown', unlock, true);
      window.removeEventListener('pointerdown', unlock, true);
    };
    window.addEventListener('keydown', unlock, true);
    window.addEventListener('pointerdown', unlock, true);
    return () => {
      window.removeEventListener('keydown', unlock, true);
      window.removeEventListener('pointerdown', unlock, true);
    };
  }, []);

  useEffect(
    () =>
      client.subscribe('alarm.raised', (alarm) => {
        playAlarmTone();
        if (!canNotify() || Notification.permission !== 'granted') return;
        const opd = ref.opds.find((o) => o.id === alarm.opdId);
        try {
          new Notification(t('alarm.notifyTitle', { opd: opd?.short ?? alarm.opdId }), {
            body: t('alarm.notifyBody', { phone: opd?.phone ?? '—' }),
            tag: alarm.dispatchId,
          });
        } catch {
          // Some hosts expose Notification but refuse to construct one: the tone and the
          // red row remain.
        }
      }),
    [client, ref, t],
  );
  return null;
}
