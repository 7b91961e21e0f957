import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CategoriesFile, OpdsFile } from './reference';
import { RoutingFile, suggestOpds } from './routing';

const data = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '..', '..', 'resources', 'data', name), 'utf8'),
  ) as unknown;

describe('routing', () => {
  const { rules } = RoutingFile.parse(data('routing.json'));

  it('suggests the agencies a Madiun operator would call', () => {
    expect(suggestOpds(rules, 'pohon-tumbang', 'taman')).toEqual(['dlh', 'dishub']);
    expect(suggestOpds(rules, 'lampu-jalan', 'kartoharjo')).toEqual(['dishub']);
    expect(suggestOpds(rules, 'kebakaran', 'manguharjo')).toEqual(['damkar']);
  });

  it('prefers a rule for the kecamatan over the general one', () => {
    expect(suggestOpds(rules, 'aspirasi', 'taman')).toEqual(['kec-taman']);
    expect(suggestOpds(rules, 'aspirasi', '')).toEqual(['diskominfo']);
  });

  it('routes every shipped category to OPDs that exist in the roster', () => {
    const opds = new Set(OpdsFile.parse(data('opds.json')).opds.map((o) => o.id));
    for (const c of CategoriesFile.parse(data('categories.json')).categories) {
      const suggested = suggestOpds(rules, c.id, '');
      expect(suggested.length, c.id).toBeGreaterThan(0);
      for (const id of suggested) expect(opds.has(id), `${c.id} → ${id}`).toBe(true);
    }
  });
});
