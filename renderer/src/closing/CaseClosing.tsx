/**
 * A resolved (or closed) case's last steps, in its detail: record the reporter's callback
 * (Alt+Shift+P) — "belum selesai" reopens the case to the OPD(s) that resolved it, "sudah
 * selesai" is only recorded — and, for a supervisor, close the resolved case with an
 * optional note (Alt+Shift+T), through the hub. The reporter's words are shown as text.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { isCaseClosable, isCaseReopenable } from '../../../shared/domain/lifecycle';
import type { CaseDetail } from '../../../shared/domain/queue';
import { useSupervisorErrorText } from '../alarms/supervisor-error-text';
import { useClient } from '../api/client-context';
import { useFieldText } from '../i18n/use-error-text';
import { useReference } from '../reference/reference-context';
import { useShortcut } from '../shell/shortcuts';

type Mode = 'idle' | 'callback' | 'close';
export const CLOSING_KEYS = {
  callback: { key: 'p', alt: true, shift: true, label: 'Alt+Shift+P' },
  close: { key: 't', alt: true, shift: true, label: 'Alt+Shift+T' },
} as const;

/** Whether the person signed in on this screen is a supervisor. */
function useIsSupervisor(): boolean {
  const client = useClient();
  const [supervisor, setSupervisor] = useState(false);
  useEffect(() => {
    void client['auth.session']({}).then((r) =>
      setSupervisor(r.ok && r.value.operator?.role === 'supervisor'),
    );
  }, [client]);
  return supervisor;
}

export function CaseClosing({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const client = useClient();
  const ref = useReference();
  const errorText = useSupervisorErrorText();
  const fieldText = useFieldText();
  const supervisor = useIsSupervisor();
  const closable = supervisor && isCaseClosable(detail.status);
  const [mode, setMode] = useState<Mode>('idle');
  const [fixed, setFixed] = useState<boolean>();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  const reopenable = isCaseReopenable(detail.status);
  const start = (m: Mode) => {
    if (!reopenable || (m === 'close' && !closable)) return;
    setMode(m);
    setFixed(undefined);
    setText('');
    setOutcome(undefined);
  };
  useShortcut(CLOSING_KEYS.callback, () => start('callback'));
  useShortcut(CLOSING_KEYS.close, () => start('close'));

  const refused = (e: ApiError) =>
    setOutcome({ ok: false, text: fieldText(Object.values(e.fields ?? {})[0]) ?? errorText(e) });

  const recordCallback = async (event: FormEvent) => {
    event.preventDefault();
    if (fixed === undefined) {
      setOutcome({ ok: false, text: t('closing.chooseOutcome') });
      return;
    }
    const r = await client['case.callback']({ caseId: detail.caseId, fixed, reason: text });
    if (!r.ok) return refused(r.error);
    const opds = r.value.dispatches.map((d) => ref.opds.find((o) => o.id === d.opdId)?.short);
    setMode('idle');
    setOutcome({
      ok: true,
      text: fixed
        ? t('closing.recordedFixed')
        : t('closing.reopened', { count: opds.length, opds: opds.join(', ') }),
    });
  };

  const close = async (event: FormEvent) => {
    event.preventDefault();
    const note = text.trim();
    const r = await client['case.close']({ caseId: detail.caseId, ...(note ? { note } : {}) });
    if (!r.ok) return refused(r.error);
    setMode('idle');
    setOutcome({ ok: true, text: t('closing.closedDone') });
  };

  // What was just done stays in view after the case moves on (reopened, closed).
  if (!reopenable && !outcome) return null;
  return (
    <section aria-labelledby="closing-title">
      <h3 id="closing-title">{t('closing.title')}</h3>
      {mode === 'idle' && reopenable ? (
        <div className="row">
          <button
            type="button"
            onClick={() => start('callback')}
            aria-keyshortcuts={CLOSING_KEYS.callback.label}
          >
            {t('closing.callback')} <kbd>{CLOSING_KEYS.callback.label}</kbd>
          </button>
          {closable ? (
            <button
              type="button"
              onClick={() => start('close')}
              aria-keyshortcuts={CLOSING_KEYS.close.label}
            >
              {t('closing.close')} <kbd>{CLOSING_KEYS.close.label}</kbd>
            </button>
          ) : null}
        </div>
      ) : null}
      {mode === 'callback' && reopenable ? (
        <form onSubmit={(e) => void recordCallback(e)} aria-label={t('closing.callbackForm')}>
          <fieldset>
            <legend>{t('closing.outcome')}</legend>
            <label>
              <input
                type="radio"
                name="callback-outcome"
                autoFocus
                checked={fixed === false}
                onChange={() => setFixed(false)}
              />{' '}
              {t('closing.notFixed')}
            </label>{' '}
            <label>
              <input
                type="radio"
                name="callback-outcome"
                checked={fixed === true}
                onChange={() => setFixed(true)}
              />{' '}
              {t('closing.fixed')}
            </label>
          </fieldset>
          <label className="field">
            {t('closing.reason')}
            <input
              value={text}
              required
              maxLength={1000}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              {t('closing.record')}
            </button>
            <button type="button" onClick={() => setMode('idle')}>
              {t('closing.discard')}
            </button>
          </div>
        </form>
      ) : null}
      {mode === 'close' && closable ? (
        <form onSubmit={(e) => void close(e)} aria-label={t('closing.closeForm')}>
          <label className="field">
            {t('closing.note')}
            <input
              autoFocus
              value={text}
              maxLength={1000}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              {t('closing.confirmClose')}
            </button>
            <button type="button" onClick={() => setMode('idle')}>
              {t('closing.discard')}
            </button>
          </div>
        </form>
      ) : null}
      {outcome ? (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? undefined : 'error'}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
