/**
 * Reference data in the store: loaded once from resources/data on first run (validated),
 * then read from the store, where a city's edits live.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  CategoriesFile,
  OpdsFile,
  WilayahFile,
  slug,
  type ReferenceData,
} from '../../../shared/domain/reference';
import { RoutingFile } from '../../../shared/domain/routing';
import type { Store } from './database';

function readJson<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Loads the default wilayah, categories, OPDs and routing where the store has none yet. */
export function loadDefaultReference(db: Store, dataDir: string): void {
  loadWilayahAndRoster(db, dataDir);
  loadOpdPhones(db, dataDir);
  const routed = db.prepare('SELECT count(*) AS n FROM routing').get() as { n: number };
  if (routed.n > 0) return;
  const { rules } = readJson(path.join(dataDir, 'routing.json'), RoutingFile);
  const insert = db.prepare(
    'INSERT INTO routing (category_id, kecamatan_id, opd_ids) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    for (const r of rules)
      insert.run(r.categoryId, r.kecamatanId ?? null, JSON.stringify(r.opdIds));
  })();
}

/**
 * The OPDs' duty numbers come from the roster file at every start (no screen edits them
 * yet), so a city that corrects a number in opds.json sees it on the next start.
 */
function loadOpdPhones(db: Store, dataDir: string): void {
  const { opds } = readJson(path.join(dataDir, 'opds.json'), OpdsFile);
  const set = db.prepare('UPDATE opds SET phone = ? WHERE id = ? AND phone IS NOT ?');
  db.transaction(() => {
    for (const o of opds) set.run(o.phone ?? null, o.id, o.phone ?? null);
  })();
}

function loadWilayahAndRoster(db: Store, dataDir: string): void {
  const has = db.prepare('SELECT count(*) AS n FROM kecamatan').get() as { n: number };
  if (has.n > 0) return;
  const wilayah = readJson(path.join(dataDir, 'wilayah.json'), WilayahFile);
  const { categories } = readJson(path.join(dataDir, 'categories.json'), CategoriesFile);
  const { opds } = readJson(path.join(dataDir, 'opds.json'), OpdsFile);
  const insKec = db.prepare('INSERT INTO kecamatan (id, name) VALUES (?, ?)');
  const insKel = db.prepare('INSERT INTO kelurahan (id, kecamatan_id, name) VALUES (?, ?, ?)');
  const insCat = db.prepare(
    `INSERT INTO categories (id, name_id, name_en, urgency, classification, resolve_target_min)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insOpd = db.prepare(
    'INSERT INTO opds (id, name, short, kind, remit) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const kec of wilayah.kecamatan) {
      insKec.run(kec.id, kec.name);
      // Kelurahan names are unique across the city, so a name's slug is its id.
      for (const name of kec.kelurahan) insKel.run(slug(name), kec.id, name);
    }
    for (const c of categories) {
      insCat.run(
        c.id,
        c.name.id,
        c.name.en,
        c.urgency,
        c.classification,
        c.resolveTargetMin ?? null,
      );
    }
    for (const o of opds) insOpd.run(o.id, o.name, o.short, o.kind, o.remit ?? null);
  })();
}

export function readReference(db: Store): ReferenceData {
  const kecamatan = db
    .prepare('SELECT id, name FROM kecamatan ORDER BY name')
    .all() as ReferenceData['kecamatan'];
  const kelurahan = db
    .prepare('SELECT id, kecamatan_id AS kecamatanId, name FROM kelurahan ORDER BY name')
    .all() as ReferenceData['kelurahan'];
  const categories = (
    db
      .prepare(
        `SELECT id, name_id, name_en, urgency, classification, resolve_target_min
         FROM categories ORDER BY urgency, name_id`,
      )
      .all() as Array<{
      id: string;
      name_id: string;
      name_en: string;
      urgency: 'darurat' | 'non_darurat';
      classification: 'aspirasi' | 'pengaduan' | 'permintaan_informasi';
      resolve_target_min: number | null;
    }>
  ).map((c) => ({
    id: c.id,
    name: { id: c.name_id, en: c.name_en },
    urgency: c.urgency,
    classification: c.classification,
    ...(c.resolve_target_min !== null ? { resolveTargetMin: c.resolve_target_min } : {}),
  }));
  const opds = (
    db
      .prepare('SELECT id, name, short, kind, remit, phone FROM opds ORDER BY short')
      .all() as Array<{
      id: string;
      name: string;
      short: string;
      kind: 'internal' | 'external';
      remit: string | null;
      phone: string | null;
    }>
  ).map((o) => ({
    id: o.id,
    name: o.name,
    short: o.short,
    kind: o.kind,
    ...(o.remit ? { remit: o.remit } : {}),
    ...(o.phone ? { phone: o.phone } : {}),
  }));
  const routing = (
    db
      .prepare('SELECT category_id, kecamatan_id, opd_ids FROM routing ORDER BY id')
      .all() as Array<{
      category_id: string;
      kecamatan_id: string | null;
      opd_ids: string;
    }>
  ).map((r) => ({
    categoryId: r.category_id,
    ...(r.kecamatan_id ? { kecamatanId: r.kecamatan_id } : {}),
    opdIds: JSON.parse(r.opd_ids) as string[],
  }));
  return { kecamatan, kelurahan, categories, opds, routing };
}
