/**
 * "Jam layanan": the case's clocks as core read them (shared/domain/clocks) — what each
 * measures, its target, its state and when it is due, in WIB. Read only; clocks that do
 * not run on this case are left out, and a missing or incomplete holiday year is said in
 * words.
 */
import { useTranslation } from 'react-i18next';
import {
  incompleteCalendarYears,
  missingCalendarYears,
  type ClockReading,
} from '../../../shared/domain/clocks';
import type { CaseDetail } from '../../../shared/domain/queue';
import { formatWib } from '../../../shared/time';
import { useReference } from '../reference/reference-context';

export function ServiceClocks({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ref = useReference();
  const short = (opdId: string | null) =>
    ref.opds.find((o) => o.id === opdId)?.short ?? opdId ?? '';
  const shown = detail.clocks.filter((c) => c.state !== 'not_applicable' || c.startedAt !== null);
  const noLapor =
    detail.urgency === 'darurat' &&
    detail.clocks.some((c) => c.family === 'lapor' && c.startedAt === null);
  const missingYears = missingCalendarYears(detail.clocks);
  const incompleteYears = incompleteCalendarYears(detail.clocks);

  const when = (c: ClockReading): string => {
    if (c.stoppedAt !== null && c.state !== 'breached' && c.state !== 'not_applicable') {
      return t('clocks.stopped', { time: formatWib(c.stoppedAt, lang) });
    }
    // A working-day deadline over a year the calendar lacks or has not completed would be a
    // guess (a day off not entered yet): it is said to be unknown, and why.
    if (c.problem !== null && c.stoppedAt === null) {
      return t(
        `alarms.calendar.unknownDue.${c.problem.code === 'calendar.year_missing' ? 'missing' : 'incomplete'}`,
        {
          year: c.problem.year,
        },
      );
    }
    return c.dueAt !== null ? formatWib(c.dueAt, lang) : '—';
  };
  const state = (c: ClockReading): string =>
    c.problem?.code === 'calendar.year_missing' && c.stoppedAt === null
      ? t('alarms.calendar.unknownState')
      : t(`clocks.states.${c.state}`);

  return (
    <section aria-labelledby="clocks-title" className="service-clocks">
      <h3 id="clocks-title">{t('clocks.title')}</h3>
      {missingYears.map((year) => (
        <p key={year} role="alert" className="error">
          {t('clocks.calendarMissing', { year })}
        </p>
      ))}
      <table aria-labelledby="clocks-title">
        <thead>
          <tr>
            <th scope="col">{t('clocks.clock')}</th>
            <th scope="col">{t('clocks.target')}</th>
            <th scope="col">{t('clocks.state')}</th>
            <th scope="col">{t('clocks.due')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={`${c.clock}:${c.dispatchId ?? ''}`} className={`clock-${c.state}`}>
              <th scope="row">{t(`clocks.name.${c.clock}`, { opd: short(c.opdId) })}</th>
              <td>{t(`clocks.unit.${c.target.unit}`, { amount: c.target.amount })}</td>
              <td className="clock-state">{state(c)}</td>
              <td>{when(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {incompleteYears.map((year) => (
        <p key={year} className="muted">
          {t('clocks.calendarIncomplete', { year })}
        </p>
      ))}
      {noLapor ? <p className="muted">{t('clocks.noLapor')}</p> : null}
    </section>
  );
}
