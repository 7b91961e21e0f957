/** Texts of exports (F8): cases and calls to CSV or XLSX for a range of WIB days. */
export const exportsId = {
  exports: {
    open: 'Ekspor',
    title: 'Ekspor laporan dan panggilan',
    close: 'Tutup',
    kind: 'Data',
    kinds: { cases: 'Laporan', calls: 'Panggilan' },
    format: 'Format',
    formats: { csv: 'CSV (Excel, UTF-8)', xlsx: 'XLSX (Excel)' },
    from: 'Dari tanggal (dd/mm/yyyy)',
    to: 'Sampai tanggal (dd/mm/yyyy)',
    unmask: 'Tampilkan nomor penelepon lengkap',
    unmaskSupervisorOnly: 'Hanya supervisor yang boleh mengekspor nomor lengkap.',
    masked:
      'Nomor penelepon disamarkan. Nama pelapor anonim tidak pernah diekspor; isi laporan rahasia tidak diekspor.',
    start: 'Mulai ekspor',
    cancel: 'Batalkan ekspor',
    progress: 'Kemajuan ekspor',
    running: '{{rows}} dari {{total}} baris',
    done: 'Selesai: {{rows}} baris. Berkas: {{file}}',
    download: 'Unduh {{file}}',
    downloading: 'Mengunduh…',
    cancelled: 'Ekspor dibatalkan; tidak ada berkas yang tersisa.',
    failed: 'Ekspor gagal; rinciannya ada di log.',
    field: {
      day_invalid: 'Tanggal tidak valid; tulis dd/mm/yyyy.',
      range_reversed: 'Tanggal akhir sebelum tanggal awal.',
      range_too_long: 'Paling lama 400 hari dalam satu ekspor.',
    },
  },
};

export const exportErrorsId = {
  'export.not_found': 'Ekspor ini tidak ada di desk ini.',
  'export.not_ready': 'Ekspor ini belum selesai atau dibatalkan: belum ada berkas.',
  'export.busy': 'Ekspor lain sedang berjalan; tunggu atau batalkan dulu.',
};
