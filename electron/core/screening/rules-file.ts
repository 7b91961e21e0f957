/**
 * Loads the likelihood rules from resources/data/screening.json at start, validated; a bad
 * file stops start-up with the file, the field and what is wrong, rather than screening
 * with half the rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ScreeningFile, type LikelihoodRules } from '../../../shared/domain/screening/rules';

export function loadLikelihoodRules(resourcesDir: string): LikelihoodRules {
  const file = path.join(resourcesDir, 'screening.json');
  const parsed = ScreeningFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.likelihood;
}
