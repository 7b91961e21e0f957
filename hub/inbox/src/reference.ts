/**
 * Names for the ids a dispatch carries (category, kelurahan, kecamatan, OPD), from the
 * default reference data the hub ships with. An id the page does not know is shown as is.
 */
import categoriesJson from '../../../resources/data/categories.json';
import opdsJson from '../../../resources/data/opds.json';
import wilayahJson from '../../../resources/data/wilayah.json';
import {
  CategoriesFile,
  OpdsFile,
  WilayahFile,
  slug,
  type Opd,
} from '../../../shared/domain/reference';

const categories = new Map(
  CategoriesFile.parse(categoriesJson).categories.map((c) => [c.id, c.name]),
);
const opds = new Map(OpdsFile.parse(opdsJson).opds.map((o) => [o.id, o]));
const kecamatan = new Map<string, string>();
const kelurahan = new Map<string, { name: string; kecamatanId: string }>();
for (const k of WilayahFile.parse(wilayahJson).kecamatan) {
  kecamatan.set(k.id, k.name);
  // Kelurahan names are unique across the city, so a name's slug is its id (as in the console).
  for (const name of k.kelurahan) kelurahan.set(slug(name), { name, kecamatanId: k.id });
}

export const categoryName = (id: string | undefined, lang: 'id' | 'en'): string =>
  id ? (categories.get(id)?.[lang] ?? id) : '—';
/** "Kejuron, Kec. Taman": the kelurahan and its kecamatan, as far as the case says. */
export function placeName(kelurahanId?: string, kecamatanId?: string): string {
  const kel = kelurahanId ? kelurahan.get(kelurahanId) : undefined;
  const kecId = kecamatanId ?? kel?.kecamatanId;
  const kec = kecId ? (kecamatan.get(kecId) ?? kecId) : undefined;
  const parts = [kel?.name ?? kelurahanId, kec ? `Kec. ${kec}` : undefined];
  return parts.filter(Boolean).join(', ') || '—';
}
export const opdOf = (id: string): Opd | undefined => opds.get(id);
