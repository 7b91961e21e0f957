/**
 * Reference data every desk needs offline: kecamatan and kelurahan, complaint categories
 * (with default urgency and SP4N-LAPOR! classification) and the OPD roster. Defaults ship
 * in resources/data and are loaded into the store on first run.
 */
import { z } from 'zod';
import { Identifier } from '../hub/protocol';
import { normalizeNumber } from './phone';
import { RoutingRule } from './routing';
import { AtRiskShare, CategoryClocks } from './clocks/rules';

export const Urgency = z.enum(['darurat', 'non_darurat']);
export type Urgency = z.infer<typeof Urgency>;

export const Classification = z.enum(['aspirasi', 'pengaduan', 'permintaan_informasi']);
export type Classification = z.infer<typeof Classification>;

export const Kelurahan = z.object({
  id: Identifier,
  kecamatanId: Identifier,
  name: z.string().min(1).max(80),
});
export type Kelurahan = z.infer<typeof Kelurahan>;

export const Kecamatan = z.object({ id: Identifier, name: z.string().min(1).max(80) });
export type Kecamatan = z.infer<typeof Kecamatan>;

export const Category = z.object({
  id: Identifier,
  name: z.object({ id: z.string().min(1).max(80), en: z.string().min(1).max(80) }),
  urgency: Urgency,
  classification: Classification,
  /** Emergency clock: minutes to resolve, where the city has set a target. */
  resolveTargetMin: z.number().int().positive().optional(),
  /** Its clocks and their targets (shared/domain/clocks); defaults where left out. */
  clocks: CategoryClocks.optional(),
});
export type Category = z.infer<typeof Category>;

const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a WIB time written HH:MM, 00:00 to 24:00');

/** A daily span in WIB: "07:00"–"16:00"; "00:00"–"24:00" is all day; from > to crosses midnight. */
export const InboxHours = z
  .object({ from: ClockTime, to: ClockTime })
  .strict()
  .refine((h) => h.from !== h.to, {
    message: 'inbox hours must not start and end at the same time',
  });
export type InboxHours = z.infer<typeof InboxHours>;

export const Opd = z.object({
  id: Identifier,
  name: z.string().min(1).max(120),
  short: z.string().min(1).max(40),
  kind: z.enum(['internal', 'external']),
  remit: z.string().max(200).optional(),
  /** The OPD's duty number, shown with "Telepon OPD" (written as the city writes it). */
  phone: z
    .string()
    .trim()
    .max(30)
    .refine((v) => normalizeNumber(v).ok, 'not a valid Indonesian phone number')
    .optional(),
  /** Whether the OPD works from the Sigap inbox (else the center phones it for every case). */
  usesInbox: z.boolean().optional(),
  /** When someone must have the inbox open, in WIB; outside them the center phones. */
  inboxHours: InboxHours.optional(),
});
export type Opd = z.infer<typeof Opd>;

export const ReferenceData = z.object({
  kecamatan: z.array(Kecamatan),
  kelurahan: z.array(Kelurahan),
  categories: z.array(Category),
  opds: z.array(Opd),
  routing: z.array(RoutingRule),
});
export type ReferenceData = z.infer<typeof ReferenceData>;

/** The files in resources/data, as shipped and as a city may edit them. */
export const WilayahFile = z.object({
  city: z.string(),
  kecamatan: z.array(
    z.object({
      id: Identifier,
      name: z.string().min(1),
      kelurahan: z.array(z.string().min(1)).min(1),
    }),
  ),
});
export const CategoriesFile = z.object({
  note: z.string().optional(),
  /** The share of a clock's target after which it is "at risk" (default 0.75). */
  atRiskShare: AtRiskShare.optional(),
  categories: z.array(Category).min(1),
});
export const OpdsFile = z.object({ note: z.string().optional(), opds: z.array(Opd).min(1) });

/** "Oro-oro Ombo" → "oro-oro-ombo": stable ids for names that have none. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
