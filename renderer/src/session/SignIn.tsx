/**
 * Sign-in for this screen (tab or window) only: every call and case it records is in this
 * person's name, whoever signs in on another screen.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator } from '../../../shared/domain/case';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';

export function SignIn({ onSignedIn }: { onSignedIn: (operator: Operator) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);

  // Enter in the user name goes on to the password, as Enter does in every form of Sigap.
  const nextOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    passwordField.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await client['auth.signIn']({ username, password });
    setBusy(false);
    if (result.ok) onSignedIn(result.value.operator);
    else {
      setError(errorText(result.error));
      setPassword('');
    }
  };

  return (
    <main>
      <form
        className="panel sign-in"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="sign-in-title"
      >
        <h2 id="sign-in-title">{t('signIn.title')}</h2>
        <p className="muted">{t('signIn.thisScreen')}</p>
        <label>
          {t('signIn.username')}
          <input
            autoFocus
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            onKeyDown={nextOnEnter}
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            ref={passwordField}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy || !username || !password}>
          {t('signIn.submit')} <kbd>Enter</kbd>
        </button>
      </form>
    </main>
  );
}
