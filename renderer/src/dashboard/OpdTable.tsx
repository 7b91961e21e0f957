/**
 * The dashboard's OPDs: the alarm lines (an OPD nobody watches within its inbox hours, or
 * one to phone outside them) and a table of every OPD with dispatches today or open. States
 * are words as well as colours: "2 lewat target", "TIDAK DIPANTAU".
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpdRow } from '../../../shared/domain/dashboard/model';
import { formatWibTime } from '../../../shared/time';
import { durationText } from './format';

// Memoised, as the tables beside them: a push that changes only other figures skips them.
export const OpdAlarms = memo(function OpdAlarms({ opds }: { opds: readonly OpdRow[] }) {
  const { t } = useTranslation();
  const alarms = opds.filter((o) => o.watch === 'unwatched' || o.watch === 'phone');
  return (
    <section aria-label={t('dashboard.alarms')} className="dashboard-alarms">
      {alarms.length === 0 ? (
        <p className="muted">{t('dashboard.noAlarms')}</p>
      ) : (
        <ul>
          {alarms.map((o) => (
            <li key={o.opdId} className={o.watch === 'unwatched' ? 'state-bad' : 'state-warn'}>
              {t(o.watch === 'unwatched' ? 'dashboard.alarmUnwatched' : 'dashboard.alarmPhone', {
                opd: o.short,
                count: o.open,
                phone: o.dutyPhone ?? t('dashboard.noPhone'),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

export const OpdTable = memo(function OpdTable({
  opds,
  minCountForMedian,
}: {
  opds: readonly OpdRow[];
  minCountForMedian: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const active = opds.filter((o) => o.open > 0 || o.today > 0 || o.watchers > 0);
  const hidden = opds.length - active.length;
  const median = (ms: number | null, count: number) =>
    ms !== null
      ? durationText(t, ms)
      : count > 0
        ? t('dashboard.tooFew', { min: minCountForMedian })
        : t('dashboard.none');
  const watchText = (o: OpdRow) =>
    t(`dashboard.watch.${o.watch}`, {
      count: o.watchers,
      phone: o.dutyPhone ?? t('dashboard.noPhone'),
    });
  return (
    <section className="dashboard-opds">
      <table className="dashboard-table" aria-label={t('dashboard.opds')}>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.col.opd')}</th>
            <th scope="col">{t('dashboard.col.open')}</th>
            <th scope="col">{t('dashboard.col.oldest')}</th>
            <th scope="col">{t('dashboard.col.atRisk')}</th>
            <th scope="col">{t('dashboard.col.breached')}</th>
            <th scope="col">{t('dashboard.col.today')}</th>
            <th scope="col">{t('dashboard.col.medianAccept')}</th>
            <th scope="col">{t('dashboard.col.medianResolve')}</th>
            <th scope="col">{t('dashboard.col.lastAction')}</th>
            <th scope="col">{t('dashboard.col.inbox')}</th>
          </tr>
        </thead>
        <tbody>
          {active.map((o) => (
            <tr key={o.opdId}>
              <th scope="row">{o.short}</th>
              <td>{o.open}</td>
              <td>{o.oldestAt === null ? t('dashboard.none') : formatWibTime(o.oldestAt, lang)}</td>
              <td className={o.atRisk > 0 ? 'state-warn' : undefined}>
                {o.atRisk > 0 ? t('dashboard.atRisk', { count: o.atRisk }) : '0'}
              </td>
              <td className={o.breached > 0 ? 'state-bad' : undefined}>
                {o.breached > 0 ? t('dashboard.breached', { count: o.breached }) : '0'}
              </td>
              <td>{o.today}</td>
              <td>{median(o.medianAcceptMs, o.acceptCount)}</td>
              <td>{median(o.medianResolveMs, o.resolveCount)}</td>
              <td>
                {o.lastAction
                  ? `${t(`dashboard.status.${o.lastAction.status as 'queued'}`)} ${formatWibTime(o.lastAction.at, lang)}`
                  : t('dashboard.none')}
              </td>
              <td
                className={
                  o.watch === 'unwatched'
                    ? 'state-bad'
                    : o.watch === 'phone'
                      ? 'state-warn'
                      : undefined
                }
              >
                {watchText(o)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 ? <p className="muted">{t('dashboard.opdsHint', { count: hidden })}</p> : null}
    </section>
  );
});
