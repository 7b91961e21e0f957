/** Texts of closing a resolved case and of a reporter's callback about it (issue #14). */
export const closingId = {
  closing: {
    title: 'Penutupan & telepon balik pelapor',
    callback: 'Pelapor menelepon kembali',
    callbackForm: 'Telepon balik pelapor',
    outcome: 'Kata pelapor',
    notFixed: 'Belum selesai (buka kembali ke OPD)',
    fixed: 'Sudah selesai',
    reason: 'Ucapan pelapor (wajib)',
    record: 'Catat telepon balik',
    reopened_one: 'Laporan dibuka kembali: dikirim ulang ke {{opds}}.',
    reopened_other: 'Laporan dibuka kembali: dikirim ulang ke {{opds}}.',
    recordedFixed: 'Dicatat: pelapor menyatakan sudah selesai. Laporan tidak dibuka kembali.',
    close: 'Tutup laporan',
    closeForm: 'Tutup laporan yang sudah selesai',
    note: 'Catatan penutupan (boleh kosong)',
    confirmClose: 'Tutup laporan',
    closedDone: 'Laporan ditutup.',
    discard: 'Batal',
    chooseOutcome: 'Pilih dulu: sudah selesai atau belum.',
    line: {
      auto: 'otomatis setelah 10 hari kerja',
      by: 'oleh {{person}}',
      byWithNote: 'oleh {{person}}: {{note}}',
      fixed: 'sudah selesai: {{reason}}',
      notFixed: 'belum selesai: {{reason}}',
    },
  },
};

/** The timeline's words for closing, a callback and the reopening. */
export const closingTimelineId = {
  closed: 'ditutup',
  callback: 'pelapor menelepon kembali',
  case_reopened: 'dibuka kembali, dikirim ulang ke OPD',
};

export const closingErrorsId = {
  'case.not_resolved':
    'Hanya laporan yang sudah diselesaikan OPD yang dapat ditutup atau dibuka kembali.',
};

export const closingRefusalsId = {
  'case.not_resolved': 'Hub menilai laporan ini belum selesai (atau sudah ditutup).',
};
