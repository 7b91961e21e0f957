/**
 * Duplicate reports on the intake screen: as category, kelurahan, address and landmark are
 * filled in, the open cases that are probably the same incident, most likely first. Alt+↑/↓
 * moves the highlight, Alt+G ends the call as a co-reporter of the highlighted case (the call
 * is stored with that case; nothing is dispatched again). Caller text is shown as text.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge } from '../../../shared/age';
import type { ApiError } from '../../../shared/api/errors';
import { CoReporter, type DuplicateSuggestion } from '../../../shared/domain/duplicates';
import { LIMITS } from '../../../shared/domain/intake';
import { formatWibTime } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText, useFieldText } from '../i18n/use-error-text';
import { useReference } from '../reference/reference-context';
import type { Shortcut } from '../shell/shortcuts';
import type { Call, Notice } from './form-state';

/** Alt+G (gabung) joins; Alt+↑/↓ choose. Shown on screen beside what they do. */
export const DUPLICATE_KEYS = {
  join: { key: 'g', alt: true },
  next: { key: 'ArrowDown', alt: true },
  previous: { key: 'ArrowUp', alt: true },
} as const satisfies Record<string, Shortcut>;

/** Typing settles this long before the cases are looked up. */
const LOOKUP_DELAY_MS = 200;

const pressed = (e: KeyboardEvent, s: Shortcut): boolean =>
  e.key.toLowerCase() === s.key.toLowerCase() && e.altKey === !!s.alt && !e.ctrlKey && !e.shiftKey;

interface Props {
  call: Call;
  onJoined(callId: string, notice: Extract<Notice, { kind: 'joined' }>): void;
}

export function DuplicateSuggestions({ call, onJoined }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const ref = useReference();
  const errorText = useErrorText();
  const fieldText = useFieldText();
  const [found, setFound] = useState<DuplicateSuggestion[]>([]);
  /** The highlighted case, kept while the list refreshes; the first one when it is gone. */
  const [chosenId, setChosenId] = useState<string>();
  const [lookupError, setLookupError] = useState<ApiError>();
  const [joinError, setJoinError] = useState<string>();
  const [now, setNow] = useState(() => Date.now());
  const [changes, setChanges] = useState(0);
  const joining = useRef(false);
  const { categoryId, kelurahanId, address, landmark } = call.form;
  const nothingTyped = !categoryId && !kelurahanId && !address.trim() && !landmark.trim();
  const suggestions = useMemo(() => (nothingTyped ? [] : found), [nothingTyped, found]);

  // Another desk's case may arrive while the call is typed: look again when the queue moves.
  useEffect(() => client.subscribe('queue.changed', () => setChanges((n) => n + 1)), [client]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (nothingTyped) return;
    let current = true;
    const timer = setTimeout(() => {
      void client['case.duplicates']({
        categoryId,
        kelurahanId,
        // Text over a field's limit is still being typed: its first part is enough here.
        address: address.slice(0, LIMITS.address),
        landmark: landmark.slice(0, LIMITS.landmark),
      }).then((r) => {
        if (!current) return;
        if (!r.ok) {
          setLookupError(r.error);
          return;
        }
        setLookupError(undefined);
        setNow(Date.now());
        setFound(r.value.suggestions);
      });
    }, LOOKUP_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, categoryId, kelurahanId, address, landmark, changes, nothingTyped]);

  const highlight = Math.max(
    0,
    suggestions.findIndex((s) => s.caseId === chosenId),
  );

  const join = useCallback(
    async (s: DuplicateSuggestion) => {
      if (joining.current) return;
      const caller = {
        callerNumber: call.form.callerNumber,
        withheld: call.form.withheld,
        callerName: call.form.callerName,
      };
      const checked = CoReporter.safeParse(caller);
      if (!checked.success) {
        setJoinError(fieldText(checked.error.issues[0]?.message));
        return;
      }
      joining.current = true;
      const r = await client['case.join']({
        callId: call.callId,
        startedAt: call.startedAt,
        caseId: s.caseId,
        caller: checked.data,
      });
      joining.current = false;
      if (!r.ok) {
        const field = r.error.fields ? Object.values(r.error.fields)[0] : undefined;
        setJoinError(field ? fieldText(field) : errorText(r.error));
        return;
      }
      onJoined(call.callId, {
        kind: 'joined',
        at: r.value.joinedAt,
        categoryId: s.categoryId,
        kelurahanId: s.kelurahanId,
        reporters: r.value.reporters,
      });
    },
    [call, client, errorText, fieldText, onJoined],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // An open case (a dialog over the intake) keeps its own keys.
      if (document.querySelector('dialog[open]')) return;
      if (pressed(e, DUPLICATE_KEYS.join)) {
        e.preventDefault();
        const s = suggestions[highlight];
        if (s) void join(s);
      } else if (pressed(e, DUPLICATE_KEYS.next) || pressed(e, DUPLICATE_KEYS.previous)) {
        e.preventDefault();
        const step = pressed(e, DUPLICATE_KEYS.next) ? 1 : -1;
        const next = suggestions[(highlight + step + suggestions.length) % suggestions.length];
        if (next) setChosenId(next.caseId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [suggestions, highlight, join]);

  if (suggestions.length === 0 && !lookupError) return null;
  return (
    <section className="duplicates" aria-labelledby="duplicates-title">
      <h3 id="duplicates-title">
        {t('duplicates.title')}{' '}
        <span className="muted">
          <kbd>Alt+↑</kbd> <kbd>Alt+↓</kbd> {t('duplicates.hint')}
        </span>
      </h3>
      {lookupError ? (
        <p role="alert" className="error">
          {t('duplicates.failed', { reason: errorText(lookupError) })}
        </p>
      ) : null}
      <ul aria-labelledby="duplicates-title">
        {suggestions.map((s, i) => {
          const chosen = i === highlight;
          return (
            <li
              key={s.caseId}
              className={chosen ? 'duplicate chosen' : 'duplicate'}
              aria-current={chosen ? 'true' : undefined}
            >
              <span className="duplicate-facts">
                <strong>{ref.categoryName(s.categoryId, lang)}</strong>
                {' · '}
                {ref.kelurahanName(s.kelurahanId)}
                {' · '}
                {s.address || s.landmark || '—'}
                {' · '}
                {t('duplicates.age', { age: formatAge(Math.max(0, now - s.createdAt), t) })}
                {' · '}
                {s.opd ?? t('duplicates.noOpd')}
                {' · '}
                {t('duplicates.reporterCount', { count: s.reporters })}
              </span>{' '}
              <span className="muted">{t(`duplicates.reason.${s.reason}`)}</span>{' '}
              <button
                type="button"
                onClick={() => void join(s)}
                aria-keyshortcuts={chosen ? 'Alt+G' : undefined}
              >
                {t('duplicates.join')}
                {chosen ? (
                  <>
                    {' '}
                    <kbd>Alt+G</kbd>
                  </>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      {joinError ? (
        <p role="alert" className="error">
          {t('duplicates.notJoined', { reason: joinError })}
        </p>
      ) : null}
    </section>
  );
}

/** The line a joined call leaves above the intake form. */
export function JoinedNotice({ notice }: { notice: Extract<Notice, { kind: 'joined' }> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ref = useReference();
  return (
    <p role="status">
      {t('duplicates.joined', {
        category: ref.categoryName(notice.categoryId, lang),
        kelurahan: ref.kelurahanName(notice.kelurahanId),
        time: formatWibTime(notice.at, lang),
        count: notice.reporters,
      })}
    </p>
  );
}
