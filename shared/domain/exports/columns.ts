/**
 * The columns of each export, in the order a supervisor reads them, with their headers and
 * the words for codes (statuses, dispositions, …) in Indonesian and English. The desk's
 * language picks one set when the file is written.
 */
import type { CaseStatus, Disposition } from '../case';
import type { ExportKind } from './request';

export type ExportLanguage = 'id' | 'en';

const CASE_HEADERS = {
  id: [
    'No. laporan',
    'Waktu lapor (WIB)',
    'Diperbarui (WIB)',
    'Status',
    'Urgensi',
    'Klasifikasi',
    'Kategori',
    'Kecamatan',
    'Kelurahan',
    'Alamat',
    'Patokan',
    'Uraian',
    'Nama pelapor',
    'Nomor pelapor',
    'Jumlah pelapor',
    'Anonim',
    'Rahasia',
    'OPD',
    'Desk',
    'Dibuka oleh',
  ],
  en: [
    'Case no.',
    'Reported (WIB)',
    'Updated (WIB)',
    'Status',
    'Urgency',
    'Classification',
    'Category',
    'Kecamatan',
    'Kelurahan',
    'Address',
    'Landmark',
    'Description',
    'Caller name',
    'Caller number',
    'Reporters',
    'Anonymous',
    'Confidential',
    'OPD',
    'Desk',
    'Opened by',
  ],
} as const;

const CALL_HEADERS = {
  id: [
    'ID panggilan',
    'Mulai (WIB)',
    'Selesai (WIB)',
    'Disposisi',
    'Nomor penelepon',
    'Nama penelepon',
    'Desk',
    'Operator',
    'No. laporan',
    'Catatan',
    'Yang terdengar',
    'Panggilan balik',
  ],
  en: [
    'Call ID',
    'Started (WIB)',
    'Ended (WIB)',
    'Disposition',
    'Caller number',
    'Caller name',
    'Desk',
    'Operator',
    'Case no.',
    'Note',
    'Heard',
    'Callback',
  ],
} as const;

export function exportHeaders(kind: ExportKind, language: ExportLanguage): readonly string[] {
  return (kind === 'cases' ? CASE_HEADERS : CALL_HEADERS)[language];
}

/** Words for the codes stored in cases and calls. */
export interface ExportWords {
  status: Record<CaseStatus, string>;
  disposition: Record<Disposition, string>;
  urgency: Record<'darurat' | 'non_darurat', string>;
  classification: Record<string, string>;
  tick: Record<string, string>;
  callback: Record<string, string>;
  yes: string;
  no: string;
  /** Shown instead of the name of an anonim caller. */
  anonim: string;
  /** Shown instead of what a rahasia case withholds. */
  rahasia: string;
  /** The caller withheld their number. */
  withheld: string;
}

export const EXPORT_WORDS: Record<ExportLanguage, ExportWords> = {
  id: {
    status: {
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
    disposition: {
      case: 'Laporan',
      prank: 'Iseng',
      silent: 'Panggilan kosong',
      misdial: 'Salah sambung',
      abusive: 'Kasar',
      info: 'Informasi',
      test: 'Uji',
    },
    urgency: { darurat: 'Darurat', non_darurat: 'Non-darurat' },
    classification: {
      aspirasi: 'Aspirasi',
      pengaduan: 'Pengaduan',
      permintaan_informasi: 'Permintaan informasi',
    },
    tick: {
      laughter: 'tertawa',
      children: 'suara anak',
      abuse: 'kata kasar',
      no_voice: 'tanpa suara',
    },
    callback: { no_answer: 'Tidak diangkat', genuine: 'Sungguhan', prank: 'Iseng' },
    yes: 'Ya',
    no: 'Tidak',
    anonim: '(anonim)',
    rahasia: '(rahasia)',
    withheld: '(disembunyikan)',
  },
  en: {
    status: {
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
    disposition: {
      case: 'Case',
      prank: 'Prank',
      silent: 'Silent call',
      misdial: 'Misdial',
      abusive: 'Abusive',
      info: 'Information',
      test: 'Test',
    },
    urgency: { darurat: 'Emergency', non_darurat: 'Non-emergency' },
    classification: {
      aspirasi: 'Aspiration',
      pengaduan: 'Complaint',
      permintaan_informasi: 'Information request',
    },
    tick: { laughter: 'laughter', children: 'children', abuse: 'abuse', no_voice: 'no voice' },
    callback: { no_answer: 'No answer', genuine: 'Genuine', prank: 'Prank' },
    yes: 'Yes',
    no: 'No',
    anonim: '(anonymous)',
    rahasia: '(confidential)',
    withheld: '(withheld)',
  },
};
