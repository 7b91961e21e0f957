/**
 * The case fields the hub replicates (protocol CaseFields) and the columns of this desk's
 * `cases` table that hold them. Caller name lives on the call, not the case.
 */
import type { CaseFields } from '../../../shared/hub/messages';

type Field = keyof CaseFields;

export const CASE_COLUMNS: Partial<Record<Field, string>> = {
  categoryId: 'category_id',
  urgency: 'urgency',
  description: 'description',
  kecamatanId: 'kecamatan_id',
  kelurahanId: 'kelurahan_id',
  address: 'address',
  landmark: 'landmark',
  lat: 'lat',
  lng: 'lng',
  anonim: 'anonim',
  rahasia: 'rahasia',
  callerNumber: 'caller_number',
};

/** A protocol value as SQLite stores it (booleans are 0/1). */
export const toColumnValue = (value: unknown): string | number | null =>
  typeof value === 'boolean' ? (value ? 1 : 0) : (value as string | number | null);
