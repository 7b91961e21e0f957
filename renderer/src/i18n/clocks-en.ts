/** Texts of the three clocks ("Jam layanan") in the case detail. */
import type { Messages } from './id';

export const clocksEn: Pick<Messages, 'clocks'> = {
  clocks: {
    title: 'Service clocks',
    clock: 'Clock',
    target: 'Target',
    state: 'State',
    due: 'Due (WIB)',
    name: {
      dispatch: 'Sent to an OPD',
      accept: 'Accepted by {{opd}}',
      resolve: 'Resolved by {{opd}}',
      follow_up: "Follow-up (city's target)",
      lapor_forward: 'SP4N-LAPOR!: verified & forwarded',
      lapor_follow_up: "SP4N-LAPOR!: OPD's follow-up",
      lapor_close: 'SP4N-LAPOR!: closed if the reporter does not answer',
    },
    unit: {
      minutes: '{{amount}} min',
      hours: '{{amount}} h',
      working_days: '{{amount}} working days',
    },
    states: {
      pending: 'not started',
      running: 'running',
      at_risk: 'at risk',
      breached: 'late',
      met: 'met',
      not_applicable: 'not applicable',
    },
    stopped: 'done {{time}}',
    noLapor: 'The SP4N-LAPOR! working-day clock does not run on emergency cases.',
    calendarMissing:
      'The holiday calendar for {{year}} is missing: working-day deadlines cannot be counted. Tell a supervisor.',
    calendarIncomplete:
      'The holiday calendar for {{year}} is not complete yet: working-day deadlines may come early.',
  },
};
