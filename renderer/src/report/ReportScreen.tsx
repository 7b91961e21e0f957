/**
 * The shift and daily report (F7, supervisors): choose a shift or a day, write the notes,
 * see the figures, download or print the PDF (made by core, the same in every host), and
 * have the incoming supervisor sign it here with their own password. Operators never see
 * it (core refuses them too).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import type { Operator } from '../../../shared/domain/case';
import type { ReportKind, ReportRequest, ReportSnapshot } from '../../../shared/domain/report';
import { formatWib, formatWibTime } from '../../../shared/time';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';
import { useShortcut } from '../shell/shortcuts';
import { downloadPdf, openPdf } from './pdf-file';
import { SignedReports } from './SignedReports';

export const REPORT_KEY = { key: 'F7' } as const;

export function ReportScreen({ operator }: { operator: Operator }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  useShortcut(REPORT_KEY, toggle);
  return (
    <>
      <button type="button" className="review-open" onClick={toggle} aria-keyshortcuts="F7">
        {t('report.open')} <kbd>F7</kbd>
      </button>
      {open ? <ReportDialog operator={operator} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

interface Schedule {
  shifts: Array<{ id: string; startMin: number }>;
  current: { date: string; shiftId: string };
}

const clock = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}.${String(min % 60).padStart(2, '0')}`;
const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

function ReportDialog({ operator, onClose }: { operator: Operator; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const client = useClient();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    first.current?.focus();
  }, []);
  const [schedule, setSchedule] = useState<Schedule>();
  const [kind, setKind] = useState<ReportKind>('shift');
  const [date, setDate] = useState('');
  const [shiftId, setShiftId] = useState('');
  const [outgoingNip, setOutgoingNip] = useState('');
  const [incomingNip, setIncomingNip] = useState('');
  const [notes, setNotes] = useState('');
  const [preview, setPreview] = useState<{ snapshot: ReportSnapshot; hash: string }>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const [signer, setSigner] = useState('');
  const [password, setPassword] = useState('');
  const [signedVersion, setSignedVersion] = useState(0);

  useEffect(() => {
    void client['report.schedule']({}).then((r) => {
      if (!r.ok) return setError(r.error);
      setSchedule(r.value);
      setDate(r.value.current.date);
      setShiftId(r.value.current.shiftId);
    });
  }, [client]);

  const request = useCallback(
    (): ReportRequest => ({
      kind,
      date,
      shiftId: kind === 'shift' ? shiftId : null,
      notes,
      outgoing: { name: operator.displayName, nip: outgoingNip.trim() },
      incoming: { name: '', nip: incomingNip.trim() },
      language: lang,
    }),
    [kind, date, shiftId, notes, operator.displayName, outgoingNip, incomingNip, lang],
  );

  // The figures follow the choice of shift or day (not every keystroke of the notes).
  useEffect(() => {
    if (!date) return;
    let live = true;
    void client['report.preview']({ ...request(), notes: '' }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPreview(r.value);
        setError(undefined);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the period refreshes
  }, [client, kind, date, shiftId, lang]);

  const makePdf = async (then: typeof downloadPdf) => {
    setDone('');
    const r = await client['report.pdf'](request());
    if (!r.ok) return setError(r.error);
    setError(undefined);
    then(r.value);
    setDone(t('report.downloaded', { file: r.value.fileName }));
  };

  /** The desktop app's system print dialog; the browser's PDF viewer, which prints, elsewhere. */
  const print = async () => {
    const desktop = window.sigapDesktop;
    if (!desktop) return makePdf(openPdf);
    setDone('');
    const r = await desktop.printReport(request());
    if (!r.ok) return setError(r.error);
    setError(undefined);
  };

  const sign = async () => {
    setDone('');
    const r = await client['report.sign']({
      request: request(),
      signer: { username: signer, password },
    });
    setPassword('');
    if (!r.ok) return setError(r.error);
    setError(undefined);
    const { report } = r.value;
    setDone(
      t(report.offline ? 'report.signedOffline' : 'report.signed', {
        name: report.signerName,
        time: formatWibTime(report.signedAt, lang),
      }),
    );
    setSignedVersion((v) => v + 1);
  };

  const s = preview?.snapshot;
  return (
    <dialog
      ref={dialog}
      className="case-dialog review"
      aria-label={t('report.title')}
      onClose={onClose}
    >
      <header>
        <h2>{t('report.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('report.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <fieldset className="row">
        <legend>{t('report.kind')}</legend>
        <label>
          {t('report.kind')}
          <select
            ref={first}
            value={kind}
            onChange={(e) => setKind(e.target.value === 'day' ? 'day' : 'shift')}
          >
            <option value="shift">{t('report.kinds.shift')}</option>
            <option value="day">{t('report.kinds.day')}</option>
          </select>
        </label>
        <label>
          {t('report.date')}
          <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        </label>
        {kind === 'shift' ? (
          <label>
            {t('report.shift')}
            <select value={shiftId} onChange={(e) => setShiftId(e.target.value)}>
              {schedule?.shifts.map((sh) => (
                <option key={sh.id} value={sh.id}>
                  {t('report.shiftName', { id: sh.id, time: clock(sh.startMin) })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('report.outgoingNip')}
          <input
            value={outgoingNip}
            maxLength={30}
            inputMode="numeric"
            onChange={(e) => setOutgoingNip(e.target.value)}
          />
        </label>
        <label>
          {t('report.incomingNip')}
          <input
            value={incomingNip}
            maxLength={30}
            inputMode="numeric"
            onChange={(e) => setIncomingNip(e.target.value)}
          />
        </label>
      </fieldset>
      <label className="report-notes">
        {t('report.notes')}
        <textarea
          value={notes}
          maxLength={4000}
          rows={3}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      {error ? (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      ) : null}
      <section aria-label={t('report.figures')} aria-live="polite">
        <h3>{t('report.figures')}</h3>
        {s && preview ? (
          <ul>
            <li>
              {t('report.period', {
                from: formatWib(s.period.start, lang),
                to: formatWib(s.period.end, lang),
              })}
            </li>
            {s.hubDataUntil !== null ? (
              <li className="error">
                {t('report.dataUntil', { time: formatWibTime(s.hubDataUntil, lang) })}
              </li>
            ) : null}
            <li>{t('report.calls', { n: s.totals.calls })}</li>
            <li>{t('report.cases', { n: s.totals.cases })}</li>
            <li>
              {t('report.rates', {
                prank: pct(s.totals.prankRate),
                silent: pct(s.totals.silentRate),
              })}
            </li>
            <li>{t('report.openCases', { n: s.openCases.length })}</li>
            <li>{t('report.waiting', { n: s.waitingDispatches.length })}</li>
            <li>
              <code>{t('report.hash', { hash: preview.hash })}</code>
            </li>
          </ul>
        ) : (
          <p>{t('report.loading')}</p>
        )}
      </section>
      <p>
        <button type="button" onClick={() => void makePdf(downloadPdf)}>
          {t('report.download')}
        </button>{' '}
        <button type="button" onClick={() => void print()}>
          {t('report.print')}
        </button>
      </p>
      <form
        aria-label={t('report.signTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void sign();
        }}
      >
        <h3>{t('report.signTitle')}</h3>
        <p>{t('report.signHelp')}</p>
        <label>
          {t('report.signer')}
          <input
            value={signer}
            autoComplete="off"
            maxLength={64}
            required
            onChange={(e) => setSigner(e.target.value)}
          />
        </label>
        <label>
          {t('report.password')}
          <input
            type="password"
            value={password}
            autoComplete="off"
            maxLength={256}
            required
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit">{t('report.sign')}</button>
      </form>
      {done ? <p role="status">{done}</p> : null}
      <SignedReports version={signedVersion} />
    </dialog>
  );
}
