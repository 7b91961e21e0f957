/** Texts of the three clocks ("Jam layanan") in the case detail. */
import type { ClockName, ClockState, ClockUnit } from '../../../shared/domain/clocks';

export const clocksId = {
  clocks: {
    title: 'Jam layanan',
    clock: 'Jam',
    target: 'Target',
    state: 'Status',
    due: 'Batas (WIB)',
    name: {
      dispatch: 'Dikirim ke OPD',
      accept: 'Diterima {{opd}}',
      resolve: 'Diselesaikan {{opd}}',
      follow_up: 'Tindak lanjut (target kota)',
      lapor_forward: 'SP4N-LAPOR!: diverifikasi & diteruskan',
      lapor_follow_up: 'SP4N-LAPOR!: tindak lanjut OPD',
      lapor_close: 'SP4N-LAPOR!: ditutup bila pelapor tidak menjawab',
    },
    unit: {
      minutes: '{{amount}} menit',
      hours: '{{amount}} jam',
      working_days: '{{amount}} hari kerja',
    },
    states: {
      pending: 'belum mulai',
      running: 'berjalan',
      at_risk: 'hampir lewat',
      breached: 'terlambat',
      met: 'terpenuhi',
      not_applicable: 'tidak berlaku',
    },
    stopped: 'selesai {{time}}',
    noLapor: 'Jam hari kerja SP4N-LAPOR! tidak berlaku untuk laporan darurat.',
    calendarMissing:
      'Kalender libur tahun {{year}} belum ada: batas hari kerja tidak dapat dihitung. Beri tahu supervisor.',
    calendarIncomplete:
      'Kalender libur tahun {{year}} belum lengkap: batas hari kerja bisa lebih awal dari semestinya.',
  },
} as const;

// Every clock, state and unit the model can give has its words.
clocksId.clocks.name satisfies Record<ClockName, string>;
clocksId.clocks.states satisfies Record<ClockState, string>;
clocksId.clocks.unit satisfies Record<ClockUnit, string>;
