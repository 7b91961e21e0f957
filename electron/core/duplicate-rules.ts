/**
 * The duplicate-report rules, read from the `duplicates` key of resources/data/screening.json
 * at start (other keys of that file belong to other screening rules and are not read here).
 * A missing or malformed key stops start-up with the file and the field named.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuplicateRules } from '../../shared/domain/duplicates';

export const SCREENING_FILE = 'screening.json';

export function readDuplicateRules(resourcesDir: string): DuplicateRules {
  const file = path.join(resourcesDir, SCREENING_FILE);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const raw =
    json && typeof json === 'object' ? (json as Record<string, unknown>).duplicates : undefined;
  const parsed = DuplicateRules.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file}: duplicates${issue?.path.length ? `.${issue.path.join('.')}` : ''} ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
