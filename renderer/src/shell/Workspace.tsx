/** The signed-in operator's desk: intake on the left, the queue on the right. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '../../../shared/domain/reference';
import { CallAlarmAlerts } from '../alarms/CallAlarmAlerts';
import { useClient } from '../api/client-context';
import { IntakePanel } from '../intake/IntakePanel';
import { QueuePanel } from '../queue/QueuePanel';
import { ReferenceProvider } from '../reference/reference-context';

export function Workspace() {
  const { t } = useTranslation();
  const client = useClient();
  const [reference, setReference] = useState<ReferenceData>();
  useEffect(() => {
    void client['reference.get']({}).then((r) => r.ok && setReference(r.value));
  }, [client]);
  if (!reference) return <main className="content">{t('app.loading')}</main>;
  return (
    <ReferenceProvider data={reference}>
      <CallAlarmAlerts />
      <main className="content workspace">
        <IntakePanel />
        <QueuePanel />
      </main>
    </ReferenceProvider>
  );
}
