/**
 * The supervisor's live dashboard (F6): OPD alarms, the OPDs and desks, today by hour as two
 * charts, and the OPDs ranked by their medians. Figures come from the hub through this
 * desk; while the hub is away they are this desk's own, and the screen says so plainly.
 * Operators never see it (core refuses them too).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Disposition } from '../../../shared/domain/case';
import type { Dashboard } from '../../../shared/domain/dashboard/model';
import { formatWibTime } from '../../../shared/time';
import { useErrorText } from '../i18n/use-error-text';
import { useReference } from '../reference/reference-context';
import { useShortcut } from '../shell/shortcuts';
import { DeskTable, Ranking } from './DeskTable';
import { HourChart, type Series } from './HourChart';
import { OpdAlarms, OpdTable } from './OpdTable';
import { useDashboard } from './use-dashboard';

export const DASHBOARD_KEY = { key: 'F6' } as const;

const PALETTE = [
  '#0b5cad',
  '#b3261e',
  '#8a5a00',
  '#17753a',
  '#6b3fa0',
  '#00838f',
  '#c2185b',
  '#5d4037',
  '#455a64',
  '#9e9d24',
];

export function SupervisorDashboard() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  useShortcut(DASHBOARD_KEY, toggle);
  return (
    <>
      <button type="button" className="review-open" onClick={toggle} aria-keyshortcuts="F6">
        {t('dashboard.open')} <kbd>F6</kbd>
      </button>
      {open ? <DashboardDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function DashboardDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    close.current?.focus();
  }, []);
  const { dashboard, error } = useDashboard();
  const errorText = useErrorText();
  return (
    <dialog
      ref={dialog}
      className="case-dialog dashboard"
      aria-label={t('dashboard.title')}
      onClose={onClose}
    >
      <header>
        <h2>{t('dashboard.title')}</h2>
        <button type="button" ref={close} onClick={() => dialog.current?.close()}>
          {t('dashboard.close')} <kbd>Esc</kbd>
        </button>
      </header>
      {error ? (
        <p role="alert" className="error">
          {t('dashboard.failed', { reason: errorText(error) })}
        </p>
      ) : dashboard ? (
        <Figures dashboard={dashboard} />
      ) : (
        <p>{t('dashboard.loading')}</p>
      )}
    </dialog>
  );
}

function Figures({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const reference = useReference();
  // Series stay the same objects from push to push, so the charts redraw only for new numbers.
  const dispositions: Series[] = useMemo(
    () =>
      Disposition.options.map((d, i) => ({
        key: d,
        label: t(`dashboard.disposition.${d}`),
        color: PALETTE[i % PALETTE.length]!,
      })),
    [t],
  );
  const categoryKey = [...new Set(dashboard.casesByHour.flatMap((h) => Object.keys(h)))]
    .sort()
    .join('\n');
  const categories: Series[] = useMemo(
    () =>
      (categoryKey ? categoryKey.split('\n') : []).map((id, i) => ({
        key: id,
        label: reference.categoryName(id, lang),
        color: PALETTE[i % PALETTE.length]!,
      })),
    [categoryKey, reference, lang],
  );
  const updated = formatWibTime(dashboard.at, lang);
  return (
    // data-seq and data-at tag the figures painted, so a measurement can tell which arrived.
    <div className="dashboard-body" data-seq={dashboard.seq} data-emitted-at={dashboard.emittedAt}>
      <p role="status" className={dashboard.partial ? 'dashboard-partial' : 'muted'}>
        {dashboard.partial
          ? t('dashboard.partial', { time: updated })
          : t('dashboard.live', { time: updated })}
      </p>
      <OpdAlarms opds={dashboard.opds} />
      <div className="dashboard-grid">
        <OpdTable opds={dashboard.opds} minCountForMedian={dashboard.minCountForMedian} />
        <div className="dashboard-side">
          <DeskTable desks={dashboard.desks} />
          <Ranking
            title={t('dashboard.rankAccept')}
            ranked={dashboard.rankAccept}
            min={dashboard.minCountForMedian}
          />
          <Ranking
            title={t('dashboard.rankResolve')}
            ranked={dashboard.rankResolve}
            min={dashboard.minCountForMedian}
          />
        </div>
      </div>
      <div className="dashboard-charts">
        <HourChart
          label={t('dashboard.callsChart')}
          hourLabel={t('dashboard.col.hour')}
          series={dispositions}
          byHour={dashboard.callsByHour}
          empty={t('dashboard.chartEmpty')}
        />
        <HourChart
          label={t('dashboard.casesChart')}
          hourLabel={t('dashboard.col.hour')}
          series={categories}
          byHour={dashboard.casesByHour}
          empty={t('dashboard.chartEmpty')}
        />
      </div>
    </div>
  );
}
