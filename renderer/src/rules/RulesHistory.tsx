/** Supervisors: the versions of the routing table or the targets published at the hub, newest first. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesKind, RulesVersionEntry } from '../../../shared/domain/center-rules';
import { formatWib } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useSupervisorErrorText } from '../alarms/supervisor-error-text';

export function RulesHistory() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const errorText = useSupervisorErrorText();
  const [kind, setKind] = useState<RulesKind>('routing');
  const [versions, setVersions] = useState<RulesVersionEntry[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    void client['rules.history']({ kind }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setVersions(r.value.versions);
        setError(undefined);
      } else setError(t('rules.historyFailed', { reason: errorText(r.error) }));
    });
    return () => {
      live = false;
    };
    // errorText and t are stable in behaviour.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, kind]);

  return (
    <>
      <label className="field">
        {t('rules.historyOf')}
        <select
          value={kind}
          onChange={(e) => {
            setVersions(undefined);
            setKind(e.target.value as RulesKind);
          }}
        >
          <option value="routing">{t('rules.tabRouting')}</option>
          <option value="targets">{t('rules.tabTargets')}</option>
        </select>
      </label>
      {error ? <p role="alert">{error}</p> : null}
      {versions && versions.length === 0 ? <p className="muted">{t('rules.noHistory')}</p> : null}
      {versions && versions.length > 0 ? (
        <table aria-label={t('rules.tabHistory')}>
          <thead>
            <tr>
              <th scope="col">{t('rules.version')}</th>
              <th scope="col">{t('rules.when')}</th>
              <th scope="col">{t('rules.by')}</th>
              <th scope="col">{t('rules.desk')}</th>
              <th scope="col">{t('rules.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{formatWib(v.at, lang)}</td>
                <td>{v.person}</td>
                <td>{v.desk}</td>
                <td>{v.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
