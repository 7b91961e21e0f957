/**
 * A supervisor's actions on a case, in its detail: escalate a dispatch to its OPD with a
 * note (Alt+Shift+E), re-route it to another OPD in one step (Alt+Shift+R), and take the
 * case to this desk or hand it to another (Alt+Shift+H). All go through the hub, which
 * decides and tells every desk; a refusal is shown in the hub's words. Operators never see
 * this section (core and the hub refuse them too).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDeskDispatchOpen } from '../../../shared/domain/lifecycle';
import type { CaseDetail } from '../../../shared/domain/queue';
import { useClient } from '../api/client-context';
import { useReference } from '../reference/reference-context';
import { useShortcut } from '../shell/shortcuts';
import { useSupervisorErrorText } from './supervisor-error-text';

type Mode = 'escalate' | 'reroute' | 'hand';
const KEYS: Record<Mode, { key: string; label: string }> = {
  escalate: { key: 'e', label: 'Alt+Shift+E' },
  reroute: { key: 'r', label: 'Alt+Shift+R' },
  hand: { key: 'h', label: 'Alt+Shift+H' },
};

/** The signed-in person on this screen is a supervisor, and this desk's id. */
function useSupervisorDesk(): string | undefined {
  const client = useClient();
  const [deskId, setDeskId] = useState<string>();
  useEffect(() => {
    void client['auth.session']({}).then((r) =>
      setDeskId(r.ok && r.value.operator?.role === 'supervisor' ? r.value.deskId : undefined),
    );
  }, [client]);
  return deskId;
}

export function SupervisorActions({ detail }: { detail: CaseDetail }) {
  const deskId = useSupervisorDesk();
  return deskId ? <Actions detail={detail} deskId={deskId} /> : null;
}

function Actions({ detail, deskId }: { detail: CaseDetail; deskId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const ref = useReference();
  const errorText = useSupervisorErrorText();
  const short = (id: string) => ref.opds.find((o) => o.id === id)?.short ?? id;
  // The dispatch in trouble first: red, then still open, then any.
  const initial =
    detail.dispatches.find((d) => d.callAlarm) ??
    detail.dispatches.find((d) => isDeskDispatchOpen(d.status)) ??
    detail.dispatches.at(-1);
  const [dispatchId, setDispatchId] = useState(initial?.dispatchId ?? '');
  const chosen = detail.dispatches.find((d) => d.dispatchId === dispatchId);
  const [mode, setMode] = useState<Mode>();
  const [text, setText] = useState('');
  const [opdId, setOpdId] = useState('');
  const [toDesk, setToDesk] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  const start = (m: Mode) => {
    setMode(m);
    setText('');
    setOutcome(undefined);
  };
  useShortcut({ key: KEYS.escalate.key, alt: true, shift: true }, () => start('escalate'));
  useShortcut({ key: KEYS.reroute.key, alt: true, shift: true }, () => start('reroute'));
  useShortcut({ key: KEYS.hand.key, alt: true, shift: true }, () => start('hand'));

  const done = (r: { ok: boolean; error?: Parameters<typeof errorText>[0] }, said: string) => {
    setOutcome(
      r.ok || !r.error ? { ok: true, text: said } : { ok: false, text: errorText(r.error) },
    );
    if (r.ok) setMode(undefined);
  };

  const submit = async () => {
    if (mode === 'hand') {
      const r = await client['supervise.assign']({ caseId: detail.caseId, toDesk });
      return done(r, t('supervise.handed', { desk: toDesk }));
    }
    if (!chosen) return;
    if (mode === 'escalate') {
      const r = await client['supervise.escalate']({ dispatchId: chosen.dispatchId, note: text });
      return done(r, t('supervise.escalated', { opd: short(chosen.opdId) }));
    }
    if (mode === 'reroute') {
      const r = await client['supervise.reroute']({
        dispatchId: chosen.dispatchId,
        opdId,
        reason: text,
      });
      return done(r, t('supervise.rerouted', { opd: short(opdId) }));
    }
  };
  const takeHere = async () => {
    const r = await client['supervise.assign']({ caseId: detail.caseId, toDesk: deskId });
    done(r, t('supervise.handed', { desk: deskId }));
  };

  const opd = chosen ? short(chosen.opdId) : '';
  return (
    <section aria-labelledby="supervise-title" className="supervise">
      <h3 id="supervise-title">{t('supervise.title')}</h3>
      {detail.dispatches.length > 1 ? (
        <label>
          {t('dispatch.title')}{' '}
          <select value={dispatchId} onChange={(e) => setDispatchId(e.target.value)}>
            {detail.dispatches.map((d) => (
              <option key={d.dispatchId} value={d.dispatchId}>
                {short(d.opdId)} · {t(`dispatch.status.${d.status}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="case-actions">
        {chosen ? (
          <>
            <button
              type="button"
              onClick={() => start('escalate')}
              aria-keyshortcuts={KEYS.escalate.label}
            >
              {t('supervise.escalate', { opd })} <kbd>{KEYS.escalate.label}</kbd>
            </button>
            <button
              type="button"
              onClick={() => start('reroute')}
              aria-keyshortcuts={KEYS.reroute.label}
            >
              {t('supervise.reroute', { opd })} <kbd>{KEYS.reroute.label}</kbd>
            </button>
          </>
        ) : null}
        <button type="button" onClick={() => start('hand')} aria-keyshortcuts={KEYS.hand.label}>
          {t('supervise.handTo')} <kbd>{KEYS.hand.label}</kbd>
        </button>
        {detail.holderDesk !== deskId ? (
          <button type="button" onClick={() => void takeHere()}>
            {t('supervise.takeHere')}
          </button>
        ) : null}
      </div>
      {mode ? (
        <form
          className="supervise-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {mode === 'reroute' ? (
            <label>
              {t('supervise.rerouteTo')}{' '}
              <select autoFocus value={opdId} onChange={(e) => setOpdId(e.target.value)} required>
                <option value="">{t('supervise.chooseOpd')}</option>
                {ref.opds
                  .filter((o) => o.id !== chosen?.opdId)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.short}
                    </option>
                  ))}
              </select>
            </label>
          ) : null}
          {mode === 'hand' ? (
            <label>
              {t('supervise.handTo')}{' '}
              <input
                autoFocus
                value={toDesk}
                onChange={(e) => setToDesk(e.target.value.trim().toLowerCase())}
                required
                maxLength={64}
              />
            </label>
          ) : (
            <label>
              {mode === 'escalate'
                ? t('supervise.escalateNote', { opd })
                : t('supervise.rerouteReason')}{' '}
              <input
                autoFocus={mode === 'escalate'}
                value={text}
                onChange={(e) => setText(e.target.value)}
                required
                maxLength={1000}
              />
            </label>
          )}
          <button type="submit">
            {mode === 'escalate'
              ? t('supervise.escalateSend')
              : mode === 'reroute'
                ? t('supervise.rerouteSend')
                : t('supervise.handSend')}
          </button>
          <button type="button" onClick={() => setMode(undefined)}>
            {t('supervise.cancel')}
          </button>
        </form>
      ) : null}
      {outcome ? (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
