/**
 * Tells core whether a call form is open on this screen, so supervisors see the desk "on a
 * call". Only the changes are sent; a failure is left alone (the next change tells again).
 */
import { useEffect } from 'react';
import { useClient } from '../api/client-context';

export function useOnCallReport(onCall: boolean): void {
  const client = useClient();
  useEffect(() => {
    void client['dashboard.onCall']({ onCall });
  }, [client, onCall]);
  useEffect(() => () => void client['dashboard.onCall']({ onCall: false }), [client]);
}
