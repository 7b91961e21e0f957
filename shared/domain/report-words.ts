/**
 * The printed report's words in Indonesian and English. The PDF is made in core, which
 * cannot read the console's i18n files, so its words live here beside the snapshot.
 */
import type { CaseStatus, Disposition } from './case';
import type { OpenCase } from './report';

export interface ReportWords {
  titleShift: string;
  titleDay: string;
  city: string;
  center: string;
  date: string;
  shift: string;
  desk: string;
  outgoing: string;
  incoming: string;
  dataUntil: (time: string) => string;
  reprint: (time: string) => string;
  signed: (name: string, time: string) => string;
  signedOffline: string;
  draft: string;
  page: (n: number, of: number) => string;
  totals: string;
  calls: string;
  cases: string;
  prankRate: string;
  silentRate: string;
  disposition: Record<Disposition, string>;
  byCategory: string;
  byKecamatan: string;
  category: string;
  kecamatan: string;
  byOpd: string;
  opd: string;
  dispatched: string;
  accepted: string;
  resolved: string;
  returned: string;
  medianAccept: string;
  medianResolve: string;
  breachSend: string;
  breachAccept: string;
  breachResolve: string;
  openCases: string;
  caseRef: string;
  opened: string;
  age: string;
  description: string;
  reporter: string;
  status: string;
  nextStep: string;
  caseStatus: Record<CaseStatus, string>;
  next: Record<OpenCase['nextStep'], string>;
  anonim: string;
  rahasia: string;
  waiting: string;
  since: string;
  reopened: string;
  call: string;
  screenedBy: string;
  reopenedAt: string;
  blocks: string;
  number: string;
  reason: string;
  setAt: string;
  liftedAt: string;
  notes: string;
  none: string;
  signature: string;
  nip: string;
  minutes: string;
}

export const REPORT_WORDS: Record<'id' | 'en', ReportWords> = {
  id: {
    titleShift: 'Laporan Serah Terima Shift',
    titleDay: 'Laporan Harian',
    city: 'Kota',
    center: 'Pusat layanan',
    date: 'Tanggal',
    shift: 'Shift',
    desk: 'Meja',
    outgoing: 'Supervisor yang menyerahkan',
    incoming: 'Supervisor yang menerima',
    dataUntil: (t) => `Hub tidak terjangkau: data sampai ${t} WIB`,
    reprint: (t) => `cetak ulang ${t}`,
    signed: (n, t) => `Ditandatangani ${n}, ${t}`,
    signedOffline: '(ditandatangani saat hub tidak terjangkau)',
    draft: 'Belum ditandatangani',
    page: (n, of) => `Halaman ${n} dari ${of}`,
    totals: 'Jumlah',
    calls: 'Panggilan',
    cases: 'Kasus baru',
    prankRate: 'Tingkat iseng',
    silentRate: 'Tingkat panggilan kosong',
    disposition: {
      case: 'Kasus',
      prank: 'Iseng',
      silent: 'Panggilan kosong',
      misdial: 'Salah sambung',
      abusive: 'Kasar',
      info: 'Informasi',
      test: 'Uji',
    },
    byCategory: 'Kasus per kategori',
    byKecamatan: 'Kasus per kecamatan',
    category: 'Kategori',
    kecamatan: 'Kecamatan',
    byOpd: 'Per OPD',
    opd: 'OPD',
    dispatched: 'Dikirim',
    accepted: 'Diterima',
    resolved: 'Selesai',
    returned: 'Dikembalikan',
    medianAccept: 'Median terima (mnt)',
    medianResolve: 'Median selesai (mnt)',
    breachSend: 'Lewat batas kirim',
    breachAccept: 'Lewat batas terima',
    breachResolve: 'Lewat batas selesai',
    openCases: 'Kasus yang masih terbuka',
    caseRef: 'Kasus',
    opened: 'Dibuka',
    age: 'Umur',
    description: 'Uraian',
    reporter: 'Pelapor',
    status: 'Status',
    nextStep: 'Langkah berikut',
    caseStatus: {
      new: 'Baru',
      dispatch_pending: 'Menunggu kirim',
      dispatched: 'Terkirim ke OPD',
      accepted: 'Diterima OPD',
      in_progress: 'Ditangani',
      resolved: 'Selesai',
      closed: 'Ditutup',
      returned: 'Dikembalikan',
      cancelled: 'Dibatalkan',
    },
    next: {
      dispatch: 'kirim ke OPD',
      send: 'tunggu terkirim / telepon OPD',
      accept: 'pastikan OPD menerima',
      follow_up: 'pantau tindak lanjut',
      reroute: 'alihkan ke OPD lain',
      close: 'tutup kasus',
    },
    anonim: 'anonim',
    rahasia: '(rahasia)',
    waiting: 'Disposisi yang masih menunggu dikirim',
    since: 'Sejak',
    reopened: 'Panggilan tersaring yang dibuka kembali',
    call: 'Panggilan',
    screenedBy: 'Disaring oleh',
    reopenedAt: 'Dibuka kembali',
    blocks: 'Blokir dipasang dan dicabut',
    number: 'Nomor',
    reason: 'Alasan',
    setAt: 'Dipasang',
    liftedAt: 'Dicabut',
    notes: 'Catatan supervisor',
    none: 'Tidak ada.',
    signature: 'Tanda tangan',
    nip: 'NIP',
    minutes: 'mnt',
  },
  en: {
    titleShift: 'Shift Handover Report',
    titleDay: 'Daily Report',
    city: 'City',
    center: 'Center',
    date: 'Date',
    shift: 'Shift',
    desk: 'Desk',
    outgoing: 'Outgoing supervisor',
    incoming: 'Incoming supervisor',
    dataUntil: (t) => `Hub unreachable: data until ${t} WIB`,
    reprint: (t) => `reprint ${t}`,
    signed: (n, t) => `Signed by ${n}, ${t}`,
    signedOffline: '(signed while the hub was unreachable)',
    draft: 'Not signed',
    page: (n, of) => `Page ${n} of ${of}`,
    totals: 'Totals',
    calls: 'Calls',
    cases: 'New cases',
    prankRate: 'Prank rate',
    silentRate: 'Silent call rate',
    disposition: {
      case: 'Case',
      prank: 'Prank',
      silent: 'Silent',
      misdial: 'Misdial',
      abusive: 'Abusive',
      info: 'Information',
      test: 'Test',
    },
    byCategory: 'Cases by category',
    byKecamatan: 'Cases by kecamatan',
    category: 'Category',
    kecamatan: 'Kecamatan',
    byOpd: 'By OPD',
    opd: 'OPD',
    dispatched: 'Dispatched',
    accepted: 'Accepted',
    resolved: 'Resolved',
    returned: 'Returned',
    medianAccept: 'Median accept (min)',
    medianResolve: 'Median resolve (min)',
    breachSend: 'Send target missed',
    breachAccept: 'Accept target missed',
    breachResolve: 'Resolve target missed',
    openCases: 'Cases still open',
    caseRef: 'Case',
    opened: 'Opened',
    age: 'Age',
    description: 'Description',
    reporter: 'Reporter',
    status: 'Status',
    nextStep: 'Next step',
    caseStatus: {
      new: 'New',
      dispatch_pending: 'Waiting to send',
      dispatched: 'Sent to OPD',
      accepted: 'Accepted by OPD',
      in_progress: 'In progress',
      resolved: 'Resolved',
      closed: 'Closed',
      returned: 'Returned',
      cancelled: 'Cancelled',
    },
    next: {
      dispatch: 'send to an OPD',
      send: 'wait for sending / phone the OPD',
      accept: 'make sure the OPD accepts',
      follow_up: 'follow up',
      reroute: 're-route to another OPD',
      close: 'close the case',
    },
    anonim: 'anonymous',
    rahasia: '(confidential)',
    waiting: 'Dispatches still waiting to be sent',
    since: 'Since',
    reopened: 'Screened calls reopened',
    call: 'Call',
    screenedBy: 'Screened by',
    reopenedAt: 'Reopened',
    blocks: 'Blocks set and lifted',
    number: 'Number',
    reason: 'Reason',
    setAt: 'Set',
    liftedAt: 'Lifted',
    notes: "Supervisor's notes",
    none: 'None.',
    signature: 'Signature',
    nip: 'NIP',
    minutes: 'min',
  },
};
