/**
 * The center's accounts for a supervisor: each with its role and state, disabled or
 * enabled with one button, a new password set in place; and a form to add one.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import type { AccountSummary } from '../../../shared/domain/account';
import type { Role } from '../../../shared/domain/case';
import { useClient } from '../api/client-context';
import { useAccountErrorText } from './field-text';

const EMPTY = { username: '', displayName: '', role: 'operator' as Role, password: '' };

export function AccountList() {
  const { t } = useTranslation();
  const client = useClient();
  const errorText = useAccountErrorText();
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [news, setNews] = useState<{ text: string; error: boolean }>();
  const [form, setForm] = useState(EMPTY);
  const [resetting, setResetting] = useState<{ id: string; password: string }>();

  const load = useCallback(
    () =>
      void client['account.list']({}).then((r) => {
        if (r.ok) setAccounts(r.value.accounts);
        else setNews({ text: errorText(r.error), error: true });
      }),
    // errorText is stable in behaviour.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client],
  );
  useEffect(load, [load]);

  const said = (r: { ok: true } | { ok: false; error: ApiError }, done: string): boolean => {
    setNews(r.ok ? { text: done, error: false } : { text: errorText(r.error), error: true });
    if (r.ok) load();
    return r.ok;
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await client['account.create'](form);
    if (said(r, t('accounts.added', { name: form.displayName }))) setForm(EMPTY);
  };
  const toggle = async (a: AccountSummary) => {
    const r = await client['account.setEnabled']({ accountId: a.id, enabled: !a.enabled });
    said(
      r,
      t(a.enabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { name: a.displayName }),
    );
  };
  const reset = async (e: FormEvent, a: AccountSummary) => {
    e.preventDefault();
    if (!resetting) return;
    const r = await client['account.resetPassword']({
      accountId: a.id,
      password: resetting.password,
    });
    if (said(r, t('accounts.resetDone', { name: a.displayName }))) setResetting(undefined);
  };
  const field = (key: 'username' | 'displayName' | 'password') => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  return (
    <>
      {news ? (
        <p role={news.error ? 'alert' : 'status'} className={news.error ? 'error' : 'muted'}>
          {news.text}
        </p>
      ) : null}
      <table aria-label={t('accounts.listTitle')}>
        <thead>
          <tr>
            <th scope="col">{t('accounts.username')}</th>
            <th scope="col">{t('accounts.displayName')}</th>
            <th scope="col">{t('accounts.role')}</th>
            <th scope="col">{t('accounts.state')}</th>
            <th scope="col">{t('accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>{a.username}</td>
              <td>{a.displayName}</td>
              <td>{t(`accounts.roles.${a.role}`)}</td>
              <td>{a.enabled ? t('accounts.enabled') : t('accounts.disabled')}</td>
              <td>
                <button type="button" onClick={() => void toggle(a)}>
                  {t(a.enabled ? 'accounts.disable' : 'accounts.enable', { name: a.username })}
                </button>{' '}
                {resetting?.id === a.id ? (
                  <form className="row" onSubmit={(e) => void reset(e, a)}>
                    <label>
                      {t('accounts.resetFor', { name: a.username })}
                      <input
                        autoFocus
                        type="password"
                        autoComplete="new-password"
                        value={resetting.password}
                        onChange={(e) => setResetting({ id: a.id, password: e.target.value })}
                      />
                    </label>
                    <button type="submit">
                      {t('accounts.reset')} <kbd>Enter</kbd>
                    </button>
                  </form>
                ) : (
                  <button type="button" onClick={() => setResetting({ id: a.id, password: '' })}>
                    {t('accounts.reset')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="row" onSubmit={(e) => void add(e)} aria-label={t('accounts.addTitle')}>
        <label>
          {t('accounts.username')}
          <input autoComplete="off" {...field('username')} />
        </label>
        <label>
          {t('accounts.displayName')}
          <input autoComplete="off" {...field('displayName')} />
        </label>
        <label>
          {t('accounts.role')}
          <select
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
          >
            <option value="operator">{t('accounts.roles.operator')}</option>
            <option value="supervisor">{t('accounts.roles.supervisor')}</option>
          </select>
        </label>
        <label>
          {t('accounts.password')}
          <input type="password" autoComplete="new-password" {...field('password')} />
        </label>
        <button type="submit">
          {t('accounts.add')} <kbd>Enter</kbd>
        </button>
      </form>
    </>
  );
}
