/**
 * The desk side's private files (shared/private-files.ts): the data dir, the store, logs,
 * exports and secrets are readable by the OS user running Sigap only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, privateFiles } from '../../shared/private-files';

export const files = privateFiles(fs, process.platform);

/** An append-only log (or export) file, private before its first line is written. */
export function openPrivateLog(file: string): fs.WriteStream {
  files.dir(path.dirname(file));
  files.create(file);
  return fs.createWriteStream(file, { flags: 'a', mode: PRIVATE_FILE_MODE });
}
