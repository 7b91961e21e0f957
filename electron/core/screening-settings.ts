/**
 * The retention period from resources/data/screening.json (key `retention`). A missing
 * file means the default (12 months); a file that does not parse is logged with where it is
 * wrong, and the default is kept rather than keeping numbers for ever or hashing early.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_RETENTION, type RetentionRules } from '../../shared/domain/retention';
import { readBlocksAndRetention } from '../../shared/domain/screening-file';
import type { Logger } from '../../shared/log';

export function readRetention(resourcesDir: string, log: Logger): RetentionRules {
  const file = path.join(resourcesDir, 'screening.json');
  if (!fs.existsSync(file)) return DEFAULT_RETENTION;
  const read = readBlocksAndRetention(fs.readFileSync(file, 'utf8'));
  if (read.ok) return read.value.retention;
  log.error('screening settings unreadable; the default retention applies', {
    file,
    reason: read.message,
  });
  return DEFAULT_RETENTION;
}
