/**
 * The export screen (F8): which data (cases or calls), which WIB days, CSV or XLSX, and,
 * for a supervisor, caller numbers in full. The file is written by core on a worker
 * thread; this screen shows its progress, can cancel it, and downloads the finished file.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import type {
  ExportFormat,
  ExportKind,
  ExportProgress,
} from '../../../shared/domain/exports/request';
import { formatWibDay } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';
import { downloadExport } from './download';

interface Props {
  supervisor: boolean;
  onClose(): void;
}

export function ExportDialog({ supervisor, onClose }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    first.current?.focus();
  }, []);

  const [kind, setKind] = useState<ExportKind>('cases');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  // Today (WIB) by default: the export a supervisor makes most.
  const [from, setFrom] = useState(() => formatWibDay(Date.now()));
  const [to, setTo] = useState(() => formatWibDay(Date.now()));
  const [unmask, setUnmask] = useState(false);
  const [job, setJob] = useState<ExportProgress>();
  const [error, setError] = useState<ApiError>();
  const [downloading, setDownloading] = useState(false);

  useEffect(
    () =>
      client.subscribe('export.progress', (p) =>
        setJob((current) => (current?.exportId === p.exportId ? p : current)),
      ),
    [client],
  );
  // Reopened while an export runs (or after it ended): show that one, with its cancel or download.
  useEffect(() => {
    void client['export.list']({}).then((r) => {
      const latest = r.ok ? r.value.exports[0] : undefined;
      if (latest) setJob((current) => current ?? latest);
    });
  }, [client]);

  const fieldText = (field: 'from' | 'to'): string | undefined => {
    const code = error?.fields?.[field];
    return code?.startsWith('export.') ? t(`exports.field.${code.slice(7)}`) : undefined;
  };

  const start = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    void client['export.start']({ kind, format, from, to, unmask: supervisor && unmask }).then(
      (r) => (r.ok ? setJob(r.value) : setError(r.error)),
    );
  };
  const cancel = () => {
    if (job) void client['export.cancel']({ exportId: job.exportId });
  };
  const download = (done: ExportProgress) => {
    setDownloading(true);
    void downloadExport(client, done.exportId, done.fileName!).then((failure) => {
      setDownloading(false);
      setError(failure);
    });
  };
  const running = job?.state === 'running';
  const fromError = fieldText('from');
  const toError = fieldText('to');

  return (
    <dialog
      ref={dialog}
      className="case-dialog exports"
      aria-label={t('exports.title')}
      onClose={onClose}
    >
      <header>
        <h2>{t('exports.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('exports.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <form onSubmit={start}>
        <fieldset className="row" disabled={running}>
          <label>
            {t('exports.kind')}
            <select
              ref={first}
              value={kind}
              onChange={(e) => setKind(e.target.value as ExportKind)}
            >
              <option value="cases">{t('exports.kinds.cases')}</option>
              <option value="calls">{t('exports.kinds.calls')}</option>
            </select>
          </label>
          <label>
            {t('exports.format')}
            <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              <option value="xlsx">{t('exports.formats.xlsx')}</option>
              <option value="csv">{t('exports.formats.csv')}</option>
            </select>
          </label>
          <label>
            {t('exports.from')}
            <input
              value={from}
              maxLength={12}
              inputMode="numeric"
              aria-invalid={fromError ? true : undefined}
              aria-describedby={fromError ? 'export-from-error' : undefined}
              onChange={(e) => setFrom(e.target.value)}
            />
          </label>
          {fromError ? (
            <span id="export-from-error" className="error">
              {fromError}
            </span>
          ) : null}
          <label>
            {t('exports.to')}
            <input
              value={to}
              maxLength={12}
              inputMode="numeric"
              aria-invalid={toError ? true : undefined}
              aria-describedby={toError ? 'export-to-error' : undefined}
              onChange={(e) => setTo(e.target.value)}
            />
          </label>
          {toError ? (
            <span id="export-to-error" className="error">
              {toError}
            </span>
          ) : null}
          <label>
            <input
              type="checkbox"
              checked={supervisor && unmask}
              disabled={!supervisor}
              aria-describedby="export-unmask-note"
              onChange={(e) => setUnmask(e.target.checked)}
            />
            {t('exports.unmask')}
          </label>
        </fieldset>
        <p id="export-unmask-note">
          {supervisor ? null : `${t('exports.unmaskSupervisorOnly')} `}
          {supervisor && unmask ? null : t('exports.masked')}
        </p>
        <p className="row">
          <button type="submit" disabled={running}>
            {t('exports.start')} <kbd>Enter</kbd>
          </button>
          <button type="button" disabled={!running} onClick={cancel}>
            {t('exports.cancel')}
          </button>
        </p>
      </form>
      {error ? (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      ) : null}
      {job ? (
        <section aria-live="polite">
          <progress
            aria-label={t('exports.progress')}
            value={job.state === 'done' ? 1 : job.rows}
            max={job.state === 'done' ? 1 : Math.max(job.total, 1)}
          />
          <p role="status">
            {job.state === 'running'
              ? t('exports.running', { rows: job.rows, total: job.total })
              : job.state === 'done'
                ? t('exports.done', { rows: job.rows, file: job.fileName })
                : t(`exports.${job.state}`)}
          </p>
          {job.state === 'done' && job.fileName ? (
            <button type="button" disabled={downloading} onClick={() => download(job)}>
              {downloading
                ? t('exports.downloading')
                : t('exports.download', { file: job.fileName })}
            </button>
          ) : null}
        </section>
      ) : null}
    </dialog>
  );
}
