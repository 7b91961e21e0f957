/** Gives components the ConsoleClient: the desktop preload's when present, else the browser host's. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { BackendLink, ConsoleClient } from '../../../shared/api/client';
import type { AppStatus } from '../../../shared/api/contract';

const ClientContext = createContext<ConsoleClient | null>(null);

export function ClientProvider({
  client,
  children,
}: {
  client: ConsoleClient;
  children: ReactNode;
}) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): ConsoleClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}

/** The console's status, loaded once and then kept live by `app.status` events. */
export function useAppStatus(): AppStatus | undefined {
  const client = useClient();
  const [status, setStatus] = useState<AppStatus>();
  useEffect(() => {
    let live = true;
    // The same status again keeps the current object: an unchanged status re-renders nothing
    // (it comes after every event the desk applies, many a second at a busy center).
    const off = client.subscribe(
      'app.status',
      (payload) =>
        live &&
        setStatus((current) =>
          current && JSON.stringify(current) === JSON.stringify(payload) ? current : payload,
        ),
    );
    void client['app.status']({}).then((result) => {
      if (live && result.ok) setStatus((current) => current ?? result.value);
    });
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return status;
}

export function useBackendLink(): BackendLink {
  const client = useClient();
  const [link, setLink] = useState<BackendLink>('connecting');
  useEffect(() => client.onBackendLink(setLink), [client]);
  return link;
}
