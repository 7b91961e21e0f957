/**
 * The dashboard's figures for the screen showing it: opened through the console API (only
 * supervisors may), then kept live by `dashboard.changed` events until the screen closes.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Dashboard } from '../../../shared/domain/dashboard/model';
import { useClient } from '../api/client-context';
import { keepUnchanged } from './keep-unchanged';

export function useDashboard(): { dashboard?: Dashboard; error?: ApiError } {
  const client = useClient();
  const [dashboard, setDashboard] = useState<Dashboard>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let live = true;
    // Pushes may overtake the first answer: the newer figures win, keeping the parts that did
    // not change as they were (keep-unchanged.ts).
    const newer = (next: Dashboard) =>
      setDashboard((current) =>
        current && current.at > next.at ? current : keepUnchanged(current, next),
      );
    const off = client.subscribe('dashboard.changed', (figures) => live && newer(figures));
    void client['dashboard.open']({}).then((r) => {
      if (!live) return;
      if (r.ok) newer(r.value.dashboard);
      else setError(r.error);
    });
    return () => {
      live = false;
      off();
      void client['dashboard.close']({});
    };
  }, [client]);
  return { dashboard, error };
}
