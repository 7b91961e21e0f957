/** Signed out: the token form. Signed in: the inbox, until sign-out or a refused token. */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InboxScreen } from './InboxScreen';
import { SignIn } from './SignIn';
import { clearSession, loadSession, type Session } from './session';

const HANDSHAKE_CODES = new Set(['auth.unknown_token', 'auth.wrong_namespace', 'auth.malformed']);

export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [error, setError] = useState<string>();

  const signOut = useCallback((problem?: string) => {
    clearSession();
    setError(problem);
    setSession(undefined);
  }, []);
  const onRefused = useCallback(
    (code: string) =>
      signOut(t(HANDSHAKE_CODES.has(code) ? `signIn.${code}` : 'signIn.unreachable')),
    [signOut, t],
  );

  if (!session) {
    return (
      <SignIn
        error={error}
        onSubmit={(s) => {
          setError(undefined);
          setSession(s);
        }}
      />
    );
  }
  return <InboxScreen session={session} onSignOut={() => signOut()} onRefused={onRefused} />;
}
