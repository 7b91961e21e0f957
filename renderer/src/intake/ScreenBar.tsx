/**
 * Ending a call without a case: the boxes ticked while it runs (each with its key), an
 * optional short note, and one key per disposition. No disposition is preselected and the
 * buttons take no Enter (they are out of the Tab order; their Alt keys reach them), so a
 * call is never screened out by a stray key. After Esc Esc on a call with a number the same
 * keys answer "which disposition?".
 */
import { useCallback, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_NOTE_LIMIT } from '../../../shared/domain/screened-call';
import {
  ScreenDisposition,
  Tick,
  type ScreenDisposition as Disposition,
  type Tick as TickName,
} from '../../../shared/domain/screening';
import { useShortcut } from '../shell/shortcuts';
import type { Call } from './form-state';
import { DISPOSITION_KEYS, keyLabel, TICK_KEYS } from './keys';
import { LimitedText } from './LimitedText';

interface Props {
  call: Call;
  asking: boolean;
  error: string | undefined;
  onTick(tick: TickName): void;
  onNote(note: string): void;
  onDispose(disposition: Disposition): void;
}

/** Neither Enter nor Space ends a call: only the disposition's own key or a click. */
const noEnter = (e: KeyboardEvent<HTMLButtonElement>) => {
  if (e.key === 'Enter' || e.key === ' ') e.preventDefault();
};

export function ScreenBar({ call, asking, error, onTick, onNote, onDispose }: Props) {
  const { t } = useTranslation();
  return (
    <section
      className={asking ? 'screen-bar asking' : 'screen-bar'}
      aria-labelledby="screen-bar-title"
    >
      <h3 id="screen-bar-title">{t('screen.title')}</h3>
      <div className="row" role="group" aria-label={t('screen.ticksLabel')}>
        {Tick.options.map((tick) => (
          <TickBox key={tick} tick={tick} on={call.ticks.includes(tick)} onTick={onTick} />
        ))}
      </div>
      <LimitedText
        label={t('screen.note')}
        name="screenNote"
        value={call.screenNote}
        limit={CALL_NOTE_LIMIT}
        keep={CALL_NOTE_LIMIT * 10}
        error={error}
        skipWalk
        onChange={onNote}
      />
      {asking ? (
        <p role="alert" className="warn">
          {t('screen.asking')} <kbd>Esc</kbd>
        </p>
      ) : null}
      <div className="actions" role="group" aria-label={t('screen.dispositions')}>
        {ScreenDisposition.options.map((d) => (
          <DisposeButton key={d} disposition={d} onDispose={onDispose} />
        ))}
      </div>
    </section>
  );
}

function TickBox({ tick, on, onTick }: { tick: TickName; on: boolean; onTick(t: TickName): void }) {
  const { t } = useTranslation();
  const shortcut = TICK_KEYS[tick];
  const toggle = useCallback(() => onTick(tick), [onTick, tick]);
  useShortcut(shortcut, toggle);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={on}
        aria-keyshortcuts={keyLabel(shortcut)}
        onChange={toggle}
      />
      {t(`screen.tick.${tick}`)} <kbd aria-hidden="true">{keyLabel(shortcut)}</kbd>
    </label>
  );
}

function DisposeButton({
  disposition,
  onDispose,
}: {
  disposition: Disposition;
  onDispose(d: Disposition): void;
}) {
  const { t } = useTranslation();
  const shortcut = DISPOSITION_KEYS[disposition];
  const dispose = useCallback(() => onDispose(disposition), [onDispose, disposition]);
  useShortcut(shortcut, dispose);
  return (
    <button
      type="button"
      tabIndex={-1}
      onClick={dispose}
      onKeyDown={noEnter}
      aria-keyshortcuts={keyLabel(shortcut)}
    >
      {t(`screen.disposition.${disposition}`)} <kbd>{keyLabel(shortcut)}</kbd>
    </button>
  );
}
