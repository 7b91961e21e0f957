/**
 * The intake panel, keyboard first: F2 starts a call at once, whatever was open (its start
 * time is taken then, the cursor is in its number field) and puts aside what was there;
 * Enter moves to the next field, Ctrl+Enter saves, Alt+K saves and sends to the ticked
 * OPDs in one act, one Alt key per disposition ends a call without a case (ScreenBar), Esc
 * twice abandons an unanswered call and asks for the disposition of one with a number.
 * "Saved" shows only after the store committed. State lives in form-state.ts, keys in
 * keys.ts, the fields in the *Section files.
 */
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestOpds } from '../../../shared/domain/routing';
import type { CallbackOutcome, ScreenDisposition, Tick } from '../../../shared/domain/screening';
import { formatWibTime } from '../../../shared/time';
import { useErrorText, useFieldText } from '../i18n/use-error-text';
import { useReference } from '../reference/reference-context';
import { BlockBanner } from '../screening/BlockBanner';
import { useShortcut } from '../shell/shortcuts';
import { DispatchProgress } from '../case/DispatchProgress';
import { AsideTray } from './AsideTray';
import { CallbackOffer } from './CallbackOffer';
import { CallerSection } from './CallerSection';
import { DraftOffer } from './DraftOffer';
import { DuplicateSuggestions, JoinedNotice } from './DuplicateSuggestions';
import type { Notice } from './form-state';
import { IncidentSection } from './IncidentSection';
import { formCommand, GLOBAL_KEYS, nextField, WALKED_FIELDS } from './keys';
import { PlaceSection } from './PlaceSection';
import { CallerScreening } from '../screening/CallerScreening';
import { RoutingChoice } from './RoutingChoice';
import { SaveBar } from './SaveBar';
import { ScreenBar } from './ScreenBar';
import { useIntake } from './use-intake';
import { useOnCallReport } from '../dashboard/use-on-call-report';

export function IntakePanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ref = useReference();
  const fieldText = useFieldText();
  const errorText = useErrorText();
  const intake = useIntake();
  const { state, dispatch } = intake;
  const call = state.current;
  useOnCallReport(call !== null && call !== undefined);
  const panel = useRef<HTMLElement>(null);

  useShortcut(GLOBAL_KEYS.newCall, intake.start);
  const toggleWithheld = useCallback(() => dispatch({ type: 'withheld' }), [dispatch]);
  useShortcut(GLOBAL_KEYS.withheld, toggleWithheld);
  const trayOpen = state.trayOpen;
  const toggleTray = useCallback(
    () => dispatch({ type: 'tray', open: !trayOpen }),
    [dispatch, trayOpen],
  );
  useShortcut(GLOBAL_KEYS.aside, toggleTray);
  const tick = useCallback((t: Tick) => dispatch({ type: 'tick', tick: t }), [dispatch]);
  const { update, dispose: disposeCall, recordCallback } = intake;
  const screenNote = useCallback((note: string) => update({ screenNote: note }), [update]);
  const dispose = useCallback((d: ScreenDisposition) => void disposeCall(d), [disposeCall]);
  const callbackOutcome = useCallback(
    (o: CallbackOutcome) => void recordCallback(o),
    [recordCallback],
  );

  // The cursor goes where the last action said (the number field of a new call, the name
  // field once the number is withheld): never left on a field that just went away.
  useEffect(() => {
    if (!state.focus) return;
    panel.current
      ?.querySelector<HTMLElement>(`[data-field="${state.focus.field}"]:not(:disabled)`)
      ?.focus();
  }, [state.focus]);

  const suggested = call
    ? suggestOpds(ref.routing, call.form.categoryId, call.form.kecamatanId)
    : [];
  const chosen = call?.picked ?? suggested;

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    const command = formCommand({
      key: e.key,
      ctrlKey: e.ctrlKey,
      altKey: e.altKey,
      shiftKey: e.shiftKey,
      targetTag: target.tagName,
    });
    if (command !== 'other') e.preventDefault();
    if (command === 'save') void intake.save();
    else if (command === 'saveAndDispatch') void intake.save(chosen);
    else if (command === 'escape') intake.abandon();
    else if (command === 'nextField') {
      const fields = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(WALKED_FIELDS));
      nextField(fields, target)?.focus();
    } else dispatch({ type: 'otherKey' });
  };

  const offered = !call && state.offer ? state.aside.find((i) => i.kind === 'draft') : undefined;
  const tray = (
    <AsideTray
      items={state.aside.filter((i) => i !== offered)}
      open={state.trayOpen}
      onOpen={(open) => dispatch({ type: 'tray', open })}
      onResume={intake.resume}
      onDiscard={intake.discardAside}
      onReopenCase={intake.openCaseAgain}
    />
  );
  const status = (
    <>
      <StatusNotice notice={state.notice} />
      {state.callback ? (
        <CallbackOffer
          number={state.callback.number}
          error={intake.callbackError}
          onOutcome={callbackOutcome}
        />
      ) : null}
      {intake.draftError ? (
        <p role="alert" className="error">
          {t('intake.draftFailed', { reason: errorText(intake.draftError) })}
        </p>
      ) : null}
    </>
  );

  if (!call) {
    return (
      <section ref={panel} className="panel intake" aria-labelledby="intake-title">
        <h2 id="intake-title">{t('intake.title')}</h2>
        {status}
        {offered?.kind === 'draft' ? (
          <DraftOffer
            call={offered.call}
            onResume={() => intake.resume(offered.call.callId)}
            onDiscard={() => intake.discardAside(offered.call.callId)}
          />
        ) : null}
        {tray}
        <button type="button" className="primary" onClick={intake.start} aria-keyshortcuts="F2">
          {t('intake.newCall')} <kbd>F2</kbd>
        </button>
      </section>
    );
  }

  const err = (name: string) => fieldText(state.errors[name] || undefined);
  return (
    <section ref={panel} className="panel intake" aria-labelledby="intake-title">
      <h2 id="intake-title">
        {t('intake.titleActive', { time: formatWibTime(call.startedAt, lang) })}
      </h2>
      {status}
      {intake.reopenedCallOf(call.callId) ? <p role="status">{t('review.reopening')}</p> : null}
      {tray}
      <form key={call.callId} noValidate onKeyDown={onKeyDown} onSubmit={(e) => e.preventDefault()}>
        <CallerSection
          call={call}
          err={err}
          update={intake.update}
          setWithheld={(on) => dispatch({ type: 'withheld', on })}
        />
        <BlockBanner number={call.form.callerNumber} withheld={call.form.withheld} />
        <CallerScreening
          number={call.form.callerNumber}
          withheld={call.form.withheld}
          ticks={call.ticks}
        />
        <ScreenBar
          call={call}
          asking={state.asking}
          error={err('note')}
          onTick={tick}
          onNote={screenNote}
          onDispose={dispose}
        />
        <IncidentSection call={call} err={err} update={intake.update} />
        <PlaceSection call={call} err={err} update={intake.update} />
        <DuplicateSuggestions
          call={call}
          onJoined={(callId, notice) => dispatch({ type: 'joined', callId, notice })}
        />
        <RoutingChoice
          suggested={suggested}
          chosen={chosen}
          onChange={(picked) => intake.update({ picked })}
        />
        <SaveBar
          notice={state.notice}
          armedEsc={state.armedEsc}
          canDispatch={chosen.length > 0}
          onSave={() => void intake.save()}
          onSaveAndDispatch={() => void intake.save(chosen)}
        />
      </form>
    </section>
  );
}

/** "Saved at …, sent to …" or "abandoned": news about a call that has left the form. */
function StatusNotice({ notice }: { notice: Notice | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  if (notice?.kind === 'abandoned') return <p role="status">{t('intake.abandoned')}</p>;
  if (notice?.kind === 'joined') return <JoinedNotice notice={notice} />;
  if (notice?.kind === 'screened') {
    const disposition = t(`screen.disposition.${notice.disposition}`).toLowerCase();
    return <p role="status">{t('screen.recorded', { disposition })}</p>;
  }
  if (notice?.kind === 'callback') {
    return <p role="status">{t(`screen.callbackRecorded.${notice.outcome}`)}</p>;
  }
  if (notice?.kind !== 'saved') return null;
  const saved = t('intake.saved', { time: formatWibTime(notice.at, lang) });
  // The dispatches' line follows them live: "menunggu dikirim" until the hub has them.
  return (
    <p role="status">
      {saved} <DispatchProgress sent={notice.sent ?? undefined} />
    </p>
  );
}
