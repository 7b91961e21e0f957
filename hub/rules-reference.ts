/**
 * What the hub checks published rules against, and their version 0: the categories,
 * kecamatan and routing table in resources/data (the OPD ids are the roster's). Read once
 * at start; a file that does not parse stops the hub with its name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { targetsFromCategories } from '../shared/domain/center-rules';
import { CategoriesFile, WilayahFile } from '../shared/domain/reference';
import { RoutingFile } from '../shared/domain/routing';
import type { HubRules } from './rules-operations';

/** resources/data of this checkout. */
export const DEFAULT_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'resources',
  'data',
);

function read<T>(file: string, parse: (raw: unknown) => T): T {
  try {
    return parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function loadHubRules(opdIds: ReadonlySet<string>, dataDir = DEFAULT_DATA_DIR): HubRules {
  const categories = read(path.join(dataDir, 'categories.json'), (r) => CategoriesFile.parse(r));
  const wilayah = read(path.join(dataDir, 'wilayah.json'), (r) => WilayahFile.parse(r));
  const routing = read(path.join(dataDir, 'routing.json'), (r) => RoutingFile.parse(r));
  return {
    reference: {
      categoryIds: new Set(categories.categories.map((c) => c.id)),
      kecamatanIds: new Set(wilayah.kecamatan.map((k) => k.id)),
      opdIds,
    },
    defaults: { routing, targets: targetsFromCategories(categories) },
  };
}
