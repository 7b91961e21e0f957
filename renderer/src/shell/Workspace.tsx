/**
 * The signed-in operator's desk: intake on the left, the queue on the right; a supervisor
 * also has the review of screened calls (F9) and the live dashboard (F6).
 * also has the alarm panel (alarms that need a supervisor) and the review of screened
 * calls (F9).
 * also has the review of screened calls (F9). Everyone has exports (F8).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import type { Operator } from '../../../shared/domain/case';
import type { ReferenceData } from '../../../shared/domain/reference';
import { CallAlarmAlerts } from '../alarms/CallAlarmAlerts';
import { SupervisorDashboard } from '../dashboard/SupervisorDashboard';
import { SupervisorAlarms } from '../alarms/SupervisorAlarms';
import { useClient } from '../api/client-context';
import { ExportsLauncher } from '../exports/ExportsLauncher';
import { useErrorText } from '../i18n/use-error-text';
import { IntakePanel } from '../intake/IntakePanel';
import { QueuePanel } from '../queue/QueuePanel';
import { ReferenceProvider } from '../reference/reference-context';
import { ReportScreen } from '../report/ReportScreen';
import { SupervisorReview } from '../screening/SupervisorReview';
import { AccountsAdmin } from '../accounts/AccountsAdmin';
import { RulesScreen } from '../rules/RulesScreen';
import { PanelBoundary } from './PanelBoundary';

export function Workspace({ operator }: { operator: Operator }) {
  const { t } = useTranslation();
  const client = useClient();
  const errorText = useErrorText();
  const [reference, setReference] = useState<ReferenceData>();
  // Without reference data nothing can be recorded: a failed load says so and offers a retry
  // rather than "loading" for ever.
  const [failure, setFailure] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    void client['reference.get']({}).then((r) =>
      r.ok ? setReference(r.value) : setFailure(r.error),
    );
  }, [client, attempt]);
  // A supervisor published routing or targets: suggestions follow at once.
  useEffect(() => client.subscribe('reference.changed', () => setAttempt((n) => n + 1)), [client]);
  const retry = () => {
    setFailure(undefined);
    setAttempt((n) => n + 1);
  };
  if (failure) {
    return (
      <main className="content">
        <p role="alert" className="error">
          {t('app.referenceFailed', { reason: errorText(failure) })}
        </p>
        <button type="button" onClick={retry}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!reference) return <main className="content">{t('app.loading')}</main>;
  const supervisor = operator.role === 'supervisor';
  return (
    <ReferenceProvider data={reference}>
      <CallAlarmAlerts />
      {/* One row of the page's grid: the desk's tools sit above the desk, inside it. */}
      <div className="workspace-frame">
        {/* The desk's tools, in the order of their keys (F6–F10). */}
        <div className="desk-tools">
          {supervisor ? <SupervisorDashboard /> : null}
          {supervisor ? <ReportScreen operator={operator} /> : null}
          <ExportsLauncher supervisor={supervisor} />
          {supervisor ? <SupervisorReview /> : null}
          {supervisor ? <AccountsAdmin /> : null}
          <RulesScreen />
        </div>
        {supervisor ? <SupervisorAlarms /> : null}
        <main className="content workspace">
          <PanelBoundary name={t('intake.title')}>
            <IntakePanel />
          </PanelBoundary>
          <PanelBoundary name={t('queue.title')}>
            <QueuePanel />
          </PanelBoundary>
        </main>
      </div>
    </ReferenceProvider>
  );
}
