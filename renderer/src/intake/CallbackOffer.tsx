/**
 * A silent call is called back (EENA/NENA: the caller may be unable to speak). The offer
 * stays until its outcome is recorded, one key each: no answer, genuine (a case starts at
 * once for that caller, linked to the silent call) or prank.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { CallbackOutcome, type CallbackOutcome as Outcome } from '../../../shared/domain/screening';
import { useErrorText } from '../i18n/use-error-text';
import { useShortcut } from '../shell/shortcuts';
import { CALLBACK_KEYS, keyLabel } from './keys';

interface Props {
  number: string;
  error: ApiError | undefined;
  onOutcome(outcome: Outcome): void;
}

export function CallbackOffer({ number, error, onOutcome }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <section className="callback-offer" aria-labelledby="callback-title">
      <h3 id="callback-title">{t('screen.callbackTitle', { number })}</h3>
      <p className="muted">{t('screen.callbackHint')}</p>
      <div className="actions" role="group" aria-label={t('screen.callbackOutcome')}>
        {CallbackOutcome.options.map((o) => (
          <OutcomeButton key={o} outcome={o} onOutcome={onOutcome} />
        ))}
      </div>
      {error ? (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      ) : null}
    </section>
  );
}

function OutcomeButton({ outcome, onOutcome }: { outcome: Outcome; onOutcome(o: Outcome): void }) {
  const { t } = useTranslation();
  const shortcut = CALLBACK_KEYS[outcome];
  const pick = useCallback(() => onOutcome(outcome), [onOutcome, outcome]);
  useShortcut(shortcut, pick);
  return (
    <button type="button" onClick={pick} aria-keyshortcuts={keyLabel(shortcut)}>
      {t(`screen.callback.${outcome}`)} <kbd>{keyLabel(shortcut)}</kbd>
    </button>
  );
}
