/**
 * The signed reports kept at this desk, newest first, each reprinted on demand: the stored
 * snapshot with the same hash, marked "cetak ulang" with the time.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import type { SignedReport } from '../../../shared/domain/report';
import { formatWib } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';
import { downloadPdf } from './pdf-file';

export function SignedReports({ version }: { version: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const errorText = useErrorText();
  const [reports, setReports] = useState<SignedReport[]>([]);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let live = true;
    void client['report.signed']({}).then((r) => {
      if (!live) return;
      if (r.ok) setReports(r.value.reports);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, version]);

  const reprint = async (reportId: string) => {
    const r = await client['report.reprint']({ reportId });
    if (r.ok) {
      setError(undefined);
      downloadPdf(r.value);
    } else setError(r.error);
  };

  return (
    <section aria-label={t('report.list')}>
      <h3>{t('report.list')}</h3>
      {error ? (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      ) : null}
      {reports.length === 0 ? (
        <p>{t('report.listNone')}</p>
      ) : (
        <table aria-label={t('report.list')}>
          <thead>
            <tr>
              <th scope="col">{t('report.date')}</th>
              <th scope="col">{t('report.shift')}</th>
              <th scope="col">{t('report.signedAt')}</th>
              <th scope="col">{t('report.signerName')}</th>
              <th scope="col">SHA-256</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.reportId}>
                <td>{r.date}</td>
                <td>{r.shiftId ?? t('report.kinds.day')}</td>
                <td>
                  {formatWib(r.signedAt, lang)}
                  {r.offline ? ` (${t('report.offline')})` : ''}
                </td>
                <td>{r.signerName}</td>
                <td>
                  <code>{r.hash.slice(0, 16)}…</code>
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('report.reprintFor', {
                      date: r.date,
                      shift: r.shiftId ?? t('report.kinds.day'),
                      time: formatWib(r.signedAt, lang),
                    })}
                    onClick={() => void reprint(r.reportId)}
                  >
                    {t('report.reprint')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
