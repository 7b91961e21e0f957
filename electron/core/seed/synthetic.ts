/**
 * Realistic synthetic calls for demos and benchmarks: Madiun's kelurahan and streets,
 * the common complaint topics, emergencies, and the large share of prank and silent
 * calls a 112 center gets. Deterministic for a given seed.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CaseStatus, Disposition } from '../../../shared/domain/case';
import type { IntakeForm } from '../../../shared/domain/intake';
import type { ReferenceData } from '../../../shared/domain/reference';
import type { Random } from './random';

const STREETS = [
  'Jl. Pahlawan',
  'Jl. Diponegoro',
  'Jl. Cokroaminoto',
  'Jl. Salak',
  'Jl. Serayu',
  'Jl. MH Thamrin',
  'Jl. Yos Sudarso',
  'Jl. Panglima Sudirman',
  'Jl. Kolonel Marhadi',
  'Jl. S. Parman',
  'Jl. Mayjend Panjaitan',
  'Jl. Hayam Wuruk',
  'Jl. Ring Road Barat',
  'Jl. Tirtaraya',
  'Jl. Ahmad Yani',
];
const LANDMARKS = [
  'depan Pasar Besar',
  'dekat Alun-alun',
  'samping masjid',
  'depan SDN',
  'seberang minimarket',
  'dekat Stasiun Madiun',
  'belakang kantor kelurahan',
  'dekat jembatan',
  'depan Bank Jatim',
  'dekat puskesmas',
];
const TEMPLATES: Record<string, string[]> = {
  kebakaran: [
    'Kebakaran rumah warga, api masih menyala',
    'Asap tebal dari gudang',
    'Kabel listrik terbakar di tiang',
  ],
  kecelakaan: [
    'Kecelakaan motor dengan mobil, korban luka',
    'Tabrakan beruntun, lalu lintas macet',
    'Pengendara jatuh di jalan berlubang',
  ],
  medis: [
    'Warga pingsan di jalan, butuh ambulans',
    'Ibu hamil perlu dibawa ke rumah sakit',
    'Lansia sesak napas',
  ],
  bencana: [
    'Banjir setinggi lutut masuk rumah warga',
    'Genangan air menutup jalan',
    'Angin kencang merobohkan atap',
  ],
  kriminal: ['Pencurian motor di parkiran', 'Perkelahian di depan warung', 'Dugaan penipuan'],
  'hewan-berbahaya': [
    'Ular kobra masuk rumah',
    'Sarang tawon besar di pohon dekat sekolah',
    'Anjing liar menggigit warga',
  ],
  'pohon-tumbang': [
    'Pohon tumbang menutup jalan',
    'Dahan besar patah menimpa kabel',
    'Pohon miring hampir roboh',
  ],
  'lampu-jalan': [
    'Lampu jalan mati sejak kemarin',
    'PJU berkedip-kedip',
    'Tiga lampu jalan padam berturut-turut',
  ],
  'jalan-rusak': [
    'Jalan berlubang besar',
    'Aspal mengelupas setelah hujan',
    'Paving rusak di trotoar',
  ],
  drainase: ['Saluran tersumbat sampah', 'Gorong-gorong meluap', 'Got bau dan mampet'],
  sampah: [
    'Sampah menumpuk belum diangkut',
    'Pembuangan sampah liar',
    'Bak sampah penuh tiga hari',
  ],
  'jaringan-internet': [
    'Wifi publik di taman tidak bisa dipakai',
    'Sinyal internet hilang',
    'Jaringan lambat di balai RW',
  ],
  'layanan-kesehatan': [
    'Antrean puskesmas terlalu lama',
    'Obat kosong di apotek puskesmas',
    'Keluhan pelayanan RSUD',
  ],
  adminduk: [
    'KTP elektronik belum jadi',
    'Kartu keluarga salah ketik',
    'Akta kelahiran belum terbit',
  ],
  ketenagakerjaan: ['Gaji belum dibayar perusahaan', 'Informasi pelatihan kerja', 'PHK sepihak'],
  'ketertiban-umum': [
    'PKL menutup trotoar',
    'Parkir liar di bahu jalan',
    'Suara musik keras tengah malam',
  ],
  'air-bersih': ['Air PDAM tidak mengalir', 'Air keruh dan berbau', 'Pipa bocor di jalan'],
  listrik: ['Listrik padam satu RT', 'Kabel PLN menjuntai rendah', 'Gardu berbunyi keras'],
  'bantuan-sosial': [
    'Bantuan sosial belum diterima',
    'Warga terlantar butuh bantuan',
    'Pendataan penerima bantuan',
  ],
  'permintaan-informasi': [
    'Menanyakan jadwal pelayanan',
    'Menanyakan nomor OPD',
    'Informasi prosedur izin',
  ],
  aspirasi: ['Usul penambahan lampu taman', 'Saran jalur sepeda', 'Usul perbaikan halte'],
};
/** Roughly the topic mix a city center sees (public sources, DESIGN §1). */
const WEIGHTS: Record<string, number> = {
  'jaringan-internet': 12,
  'layanan-kesehatan': 10,
  adminduk: 10,
  ketenagakerjaan: 6,
  'jalan-rusak': 9,
  'lampu-jalan': 7,
  drainase: 5,
  sampah: 6,
  'pohon-tumbang': 3,
  kecelakaan: 4,
  medis: 4,
  kebakaran: 2,
  bencana: 2,
  kriminal: 2,
  'hewan-berbahaya': 2,
  'ketertiban-umum': 4,
  'air-bersih': 4,
  listrik: 3,
  'bantuan-sosial': 3,
  'permintaan-informasi': 4,
  aspirasi: 2,
};
const STATUS_MIX: ReadonlyArray<readonly [CaseStatus, number]> = [
  ['new', 30],
  ['dispatched', 15],
  ['accepted', 10],
  ['in_progress', 15],
  ['resolved', 20],
  ['closed', 8],
  ['returned', 1],
  ['cancelled', 1],
];
/** Share of answered calls that open no case (Semarang 2025: 38.6% pranks alone). */
const SCREENED: ReadonlyArray<readonly [Disposition, number]> = [
  ['prank', 45],
  ['silent', 40],
  ['misdial', 8],
  ['abusive', 4],
  ['test', 3],
];

export interface SyntheticCall {
  callId: string;
  startedAt: number;
  endedAt: number;
  callerE164: string | null;
  disposition: Disposition;
  /** Present when the call opened a case. */
  case?: { form: IntakeForm; status: CaseStatus; classification: string };
}

export function syntheticCalls(
  rnd: Random,
  ref: ReferenceData,
  options: { cases: number; screenedShare?: number; endAt: number; spanDays: number },
): SyntheticCall[] {
  const screenedShare = options.screenedShare ?? 0.35;
  const weights = ref.categories.map((c) => [c, WEIGHTS[c.id] ?? 1] as const);
  const total = Math.round(options.cases / (1 - screenedShare));
  const start = options.endAt - options.spanDays * 86_400_000;
  const step = (options.endAt - start) / Math.max(1, total);
  const numbers = Array.from(
    { length: Math.max(50, Math.round(total / 3)) },
    () => `+628${rnd.int(11, 59)}${rnd.int(1_000_000, 99_999_999)}`,
  );
  const calls: SyntheticCall[] = [];
  let made = 0;
  for (let i = 0; i < total || made < options.cases; i++) {
    const startedAt = Math.round(start + i * step + rnd.next() * step);
    const endedAt = startedAt + rnd.int(20_000, 240_000);
    const withheld = rnd.chance(0.05);
    const callerE164 = withheld ? null : rnd.pick(numbers);
    if (made >= options.cases || (i < total && rnd.chance(screenedShare))) {
      if (made >= options.cases && i >= total) break;
      calls.push({
        callId: uuidv7(),
        startedAt,
        endedAt,
        callerE164,
        disposition: rnd.weighted(SCREENED),
      });
      continue;
    }
    const category = rnd.weighted(weights);
    const kel = rnd.pick(ref.kelurahan);
    const form: IntakeForm = {
      callerNumber: callerE164 ?? '',
      withheld: callerE164 === null,
      callerName: rnd.chance(0.4)
        ? rnd.pick(['Budi', 'Siti', 'Agus', 'Dewi', 'Joko', 'Rina', 'Slamet', 'Wati'])
        : '',
      anonim: rnd.chance(0.05),
      rahasia: rnd.chance(0.02),
      categoryId: category.id,
      urgency: category.urgency,
      description: `${rnd.pick(TEMPLATES[category.id] ?? ['Laporan warga'])} di ${rnd.pick(STREETS)}`,
      kecamatanId: kel.kecamatanId,
      kelurahanId: kel.id,
      address: `${rnd.pick(STREETS)} No. ${rnd.int(1, 250)}, ${kel.name}`,
      landmark: rnd.pick(LANDMARKS),
      lat: null,
      lng: null,
    };
    calls.push({
      callId: uuidv7(),
      startedAt,
      endedAt,
      callerE164,
      disposition: 'case',
      case: { form, status: rnd.weighted(STATUS_MIX), classification: category.classification },
    });
    made++;
  }
  return calls;
}
