/** The dashboard's desks (online, who is signed in, calls this shift, on a call) and the OPDs ranked by median. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../shared/domain/dashboard/model';
import { durationText } from './format';

// Memoised: a push that changes only other figures skips them.
export const DeskTable = memo(function DeskTable({ desks }: { desks: Dashboard['desks'] }) {
  const { t } = useTranslation();
  return (
    <table className="dashboard-table" aria-label={t('dashboard.desks')}>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.col.desk')}</th>
          <th scope="col">{t('dashboard.col.online')}</th>
          <th scope="col">{t('dashboard.col.people')}</th>
          <th scope="col">{t('dashboard.col.calls')}</th>
          <th scope="col">{t('dashboard.col.onCall')}</th>
        </tr>
      </thead>
      <tbody>
        {desks.map((d) => (
          <tr key={d.deskId}>
            <th scope="row">{d.deskId}</th>
            <td className={d.online ? undefined : 'state-warn'}>
              {d.online ? t('dashboard.online') : t('dashboard.offline')}
            </td>
            <td>{d.people.length > 0 ? d.people.join(', ') : t('dashboard.nobody')}</td>
            <td>{d.callsThisShift}</td>
            <td>{d.onCall ? t('dashboard.yes') : t('dashboard.no')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

export const Ranking = memo(function Ranking({
  title,
  ranked,
  min,
}: {
  title: string;
  ranked: Dashboard['rankAccept'];
  min: number;
}) {
  const { t } = useTranslation();
  if (ranked.length === 0) {
    return (
      <p className="muted">
        <strong>{title}</strong>: {t('dashboard.rankNone', { min })}
      </p>
    );
  }
  return (
    <table className="dashboard-table" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.col.rank')}</th>
          <th scope="col">{t('dashboard.col.opd')}</th>
          <th scope="col">{t('dashboard.col.median')}</th>
          <th scope="col">{t('dashboard.col.count')}</th>
        </tr>
      </thead>
      <tbody>
        {ranked.map((r, i) => (
          <tr key={r.opdId}>
            <td>{i + 1}</td>
            <th scope="row">{r.short}</th>
            <td>{durationText(t, r.medianMs)}</td>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
