/** Sign-in: the OPD's token (kept in this tab only) and the clerk's name. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageButton } from './LanguageButton';
import type { Session } from './session';

export function SignIn({
  error,
  onSubmit,
}: {
  error: string | undefined;
  onSubmit: (session: Session) => void;
}) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [person, setPerson] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) {
      setMissing(true);
      return;
    }
    onSubmit({ token: token.trim(), person: person.trim() });
  };

  const problem = missing ? t('signIn.tokenRequired') : error;
  return (
    <main className="sign-in-page">
      <form className="panel sign-in" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <label>
          {t('signIn.token')}
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={token}
            maxLength={256}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => {
              setToken(e.target.value);
              setMissing(false);
            }}
          />
        </label>
        <label>
          {t('signIn.person')}
          <input
            autoComplete="name"
            value={person}
            maxLength={120}
            aria-describedby="person-hint"
            onChange={(e) => setPerson(e.target.value)}
          />
        </label>
        <span id="person-hint" className="hint muted">
          {t('signIn.personHint')}
        </span>
        {problem ? (
          <p role="alert" className="error">
            {problem}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary">
            {t('signIn.submit')} <kbd>Enter</kbd>
          </button>
          <LanguageButton />
        </div>
      </form>
    </main>
  );
}
