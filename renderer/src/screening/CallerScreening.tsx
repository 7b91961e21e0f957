/**
 * The caller's history and prank likelihood on the intake screen, shown as soon as a valid
 * number is entered (or the number is withheld), with no key to press: the level, its
 * reasons in plain words, repeated silent calls, and the number's calls by disposition.
 * It informs; it never blocks saving or hides the call. Caller text never reaches it.
 */
import { useTranslation } from 'react-i18next';
import type { Disposition } from '../../../shared/domain/case';
import type { Tick } from '../../../shared/domain/screening';
import type { CallerHistory } from '../../../shared/domain/screening/history';
import type { Reason, SilentReason } from '../../../shared/domain/screening/reasons';
import { formatWib } from '../../../shared/time';
import { useErrorText } from '../i18n/use-error-text';
import { agoText, reasonText } from './reason-text';
import { useCallerLookup } from './use-caller-lookup';

interface Props {
  number: string;
  withheld: boolean;
  ticks: readonly Tick[];
}

const ORDER: Disposition[] = ['case', 'prank', 'abusive', 'silent', 'misdial', 'info', 'test'];

export function CallerScreening({ number, withheld, ticks }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lookup = useCallerLookup(number, withheld, ticks);
  if (lookup.kind === 'idle') return null;
  const body =
    lookup.kind === 'loading' ? (
      <p className="muted">{t('screening.loading')}</p>
    ) : lookup.kind === 'failed' ? (
      <p role="alert" className="error">
        {t('screening.failed', { reason: errorText(lookup.error) })}
      </p>
    ) : (
      <>
        <p className={`screening-level level-${lookup.likelihood.level}`} role="status">
          <strong>{t(`screening.level.${lookup.likelihood.level}`)}</strong>
        </p>
        <Reasons reasons={lookup.likelihood.reasons} silent={lookup.likelihood.silent} />
        <History history={lookup.history} />
      </>
    );
  return (
    // Reachable with Tab (a glance needs no key, but a keyboard or screen-reader user may
    // want to read it); Enter's field walk passes it by.
    <section className="screening" tabIndex={0} aria-label={t('screening.title')}>
      <h3>{t('screening.title')}</h3>
      {body}
    </section>
  );
}

function Reasons({ reasons, silent }: { reasons: Reason[]; silent: SilentReason[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const say = (r: Reason | SilentReason) => {
    const text = reasonText(r, lang);
    if (r.code !== 'last_prank') return t(text.key, text.values);
    const ago = agoText(Number(text.values.minutes));
    return t(text.key, { ago: t(ago.key, ago.values) });
  };
  if (reasons.length === 0 && silent.length === 0) return null;
  return (
    <ul className="screening-reasons" aria-label={t('screening.reasons')}>
      {silent.map((r) => (
        <li key={r.code} className="silent">
          {say(r)}
        </li>
      ))}
      {reasons.map((r) => (
        <li key={r.code} className={r.weight < 0 ? 'against' : undefined}>
          {say(r)}
        </li>
      ))}
    </ul>
  );
}

function History({ history }: { history: CallerHistory }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  if (history.number === null) return null;
  const counts = ORDER.filter((d) => history.calls[d] > 0);
  const total = counts.reduce((n, d) => n + history.calls[d], 0);
  return (
    <dl className="screening-history">
      <dt>{t('screening.history.calls')}</dt>
      <dd>
        {total === 0
          ? t('screening.history.none')
          : counts
              .map((d) => t(`screening.disposition.${d}`, { count: history.calls[d] }))
              .join(', ')}
      </dd>
      {history.lastPrankAt !== null ? (
        <>
          <dt>{t('screening.history.lastPrank')}</dt>
          <dd>{formatWib(history.lastPrankAt, lang)}</dd>
        </>
      ) : null}
      {history.openCases > 0 ? (
        <>
          <dt>{t('screening.history.openCases')}</dt>
          <dd>{history.openCases}</dd>
        </>
      ) : null}
      {history.block ? (
        <>
          <dt>{t('screening.history.block')}</dt>
          <dd>
            {t(`screening.block.${history.block.kind}`, {
              until: formatWib(history.block.until, lang),
            })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
