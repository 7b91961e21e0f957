/** Indonesian: the default language of the console. */
export const id = {
  app: {
    title: 'Sigap',
    subtitle: 'Konsol 112 Kota Madiun',
    clock: 'Waktu sekarang (WIB)',
  },
  language: {
    switchTo: 'English',
    switchLabel: 'Ganti bahasa ke English',
  },
  overview: {
    title: 'Desk ini',
    version: 'Versi',
    mode: 'Mode',
    store: 'Penyimpanan lokal',
    hubUrl: 'Alamat hub',
    hubState: 'Keadaan hub',
    hubSince: 'Sejak',
    none: 'tidak ada',
  },
  mode: { browser: 'peramban (browser host)', desktop: 'aplikasi desktop' },
  status: {
    bar: 'Bilah status',
    hub: 'Koneksi hub',
    backend: 'Koneksi konsol',
    hubState: {
      online: 'Hub terhubung',
      offline: 'Hub terputus',
      connecting: 'Menghubungkan ke hub…',
      refused: 'Hub menolak desk ini',
      not_configured: 'Hub belum diatur',
    },
    since: 'sejak {{time}} WIB',
    backendState: {
      connecting: 'Menyambung ke konsol…',
      up: 'Konsol siap',
      down: 'Layanan konsol terputus; mencoba lagi…',
      unauthorized: 'Sesi tidak sah',
    },
    version: 'Versi {{version}}',
  },
  session: {
    missingTitle: 'Sesi konsol tidak ditemukan',
    missingBody:
      'Buka Sigap dari alamat yang dicetak oleh perintah npm start (alamat itu memuat kunci sesi).',
  },
  errors: {
    'api.bad_request': 'Permintaan tidak dapat dibaca.',
    'api.unknown_channel': 'Perintah tidak dikenal.',
    'api.invalid_args': 'Isian tidak valid.',
    'api.unreachable': 'Layanan konsol tidak dapat dihubungi.',
    'auth.missing_key': 'Sesi tidak sah; buka Sigap dari alamat yang dicetak npm start.',
    'store.too_new': 'Penyimpanan lokal dibuat oleh Sigap yang lebih baru.',
    'hub.insecure_url': 'Alamat hub harus memakai https di luar komputer ini.',
    'hub.invalid_url': 'Alamat hub tidak valid.',
    internal: 'Terjadi galat internal; rinciannya ada di log.',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof id>;
