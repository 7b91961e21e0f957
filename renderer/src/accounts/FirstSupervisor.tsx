/**
 * A center's first start: no account exists yet, so instead of a sign-in the console asks
 * for the first supervisor (made at the hub, then signed in on this screen). Demo accounts
 * exist only in demo mode (`npm start -- --demo`).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../../../shared/domain/case';
import { useClient } from '../api/client-context';
import { useAccountErrorText } from './field-text';

export function FirstSupervisor({ onSignedIn }: { onSignedIn: (operator: Operator) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const errorText = useAccountErrorText();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await client['account.createFirst'](form);
    setBusy(false);
    if (result.ok) onSignedIn(result.value.operator);
    else setError(errorText(result.error));
  };

  return (
    <main>
      <form
        className="panel sign-in"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="setup-title"
      >
        <h2 id="setup-title">{t('setup.title')}</h2>
        <p className="muted">{t('setup.intro')}</p>
        <label>
          {t('setup.username')}
          <input autoFocus autoComplete="username" {...field('username')} />
        </label>
        <label>
          {t('setup.displayName')}
          <input autoComplete="name" {...field('displayName')} />
        </label>
        <label>
          {t('setup.password')}
          <input type="password" autoComplete="new-password" {...field('password')} />
        </label>
        <label>
          {t('setup.repeat')}
          <input type="password" autoComplete="new-password" {...field('repeat')} />
        </label>
        <p className="muted">{t('setup.needsHub')}</p>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {t('setup.submit')} <kbd>Enter</kbd>
        </button>
      </form>
    </main>
  );
}
