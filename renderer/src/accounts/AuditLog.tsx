/**
 * The center audit log for a supervisor, from the hub: who did what, when (WIB), from
 * which desk, with details; filtered by person, action and a WIB date range.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditAction, type AccountSummary, type AuditEntry } from '../../../shared/domain/account';
import { formatWib, nextWibDay, parseWibDay } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useAccountErrorText } from './field-text';

export function AuditLog() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const errorText = useAccountErrorText();
  const [people, setPeople] = useState<AccountSummary[]>([]);
  const [filter, setFilter] = useState({ personId: '', action: '', from: '', until: '' });
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void client['account.list']({}).then((r) => r.ok && setPeople(r.value.accounts));
  }, [client]);
  useEffect(() => {
    let live = true;
    const from = parseWibDay(filter.from);
    const until = parseWibDay(filter.until);
    void client['audit.list']({
      ...(filter.personId ? { personId: filter.personId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(until !== undefined ? { until: nextWibDay(until) - 1 } : {}),
    }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setEntries(r.value.entries);
        setError(undefined);
      } else setError(errorText(r.error));
    });
    return () => {
      live = false;
    };
    // errorText is stable in behaviour.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, filter]);

  const set = (key: keyof typeof filter) => (e: { target: { value: string } }) =>
    setFilter({ ...filter, [key]: e.target.value });
  const actionName = (action: string) =>
    t(`accounts.actionNames.${action}`, { defaultValue: action });

  return (
    <>
      <fieldset className="row">
        <legend>{t('accounts.auditTitle')}</legend>
        <label>
          {t('accounts.person')}
          <select value={filter.personId} onChange={set('personId')}>
            <option value="">{t('accounts.anyone')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('accounts.action')}
          <select value={filter.action} onChange={set('action')}>
            <option value="">{t('accounts.anyAction')}</option>
            {AuditAction.options.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('accounts.from')}
          <input placeholder="dd/mm/yyyy" value={filter.from} onChange={set('from')} />
        </label>
        <label>
          {t('accounts.until')}
          <input placeholder="dd/mm/yyyy" value={filter.until} onChange={set('until')} />
        </label>
      </fieldset>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {entries && entries.length === 0 ? <p>{t('accounts.noEntries')}</p> : null}
      {entries && entries.length > 0 ? (
        <table aria-label={t('accounts.auditTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('accounts.when')}</th>
              <th scope="col">{t('accounts.person')}</th>
              <th scope="col">{t('accounts.action')}</th>
              <th scope="col">{t('accounts.desk')}</th>
              <th scope="col">{t('accounts.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatWib(e.at, lang)}</td>
                <td>{e.person}</td>
                <td>{actionName(e.action)}</td>
                <td>{e.desk}</td>
                <td>
                  {Object.entries(e.details)
                    .filter(([k]) => k !== 'accountId' && k !== 'blockId' && k !== 'exportId')
                    // Instants (an export's start and end) read in WIB like the rest.
                    .map(([k, v]) =>
                      k.endsWith('At') && typeof v === 'number'
                        ? `${k}: ${formatWib(v, lang)}`
                        : `${k}: ${String(v)}`,
                    )
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
