/**
 * A log file that cannot fill the disk: lines are appended until the file would pass its
 * size cap, then it is renamed to NAME.1 (NAME.1 to NAME.2, and so on; the oldest beyond
 * `keep` is deleted) and a fresh file starts. It rotates only between lines, so every file
 * holds whole JSON lines, even when a child's stderr arrives in pieces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from '../../shared/private-files';
import { files } from '../core/private-files';

export interface LogFileOptions {
  /** Size a file may reach before the next line starts a new one. */
  maxBytes: number;
  /** How many rotated files are kept beside the current one. */
  keep: number;
}

/** 10 MB per file and three older files: at most about 40 MB per log. */
export const LOG_FILE_DEFAULTS: LogFileOptions = { maxBytes: 10 * 1024 * 1024, keep: 3 };

export interface LogFile {
  /** Appends text; a piece without its newline waits for the rest of its line. */
  write(text: string | Buffer): void;
  /** Writes any unfinished line and closes the file. */
  close(): void;
}

/**
 * Opens (appends to) `file`. A failed write never throws at the caller, whose output must
 * not stop because its log cannot be written: `onError` hears of it once until a write
 * succeeds again, and that text is lost.
 */
export function openLogFile(
  file: string,
  options: LogFileOptions = LOG_FILE_DEFAULTS,
  onError: (error: Error) => void = () => undefined,
): LogFile {
  if (!(options.maxBytes > 0) || !Number.isInteger(options.keep) || options.keep < 1) {
    throw new Error(`log file ${file}: maxBytes must be positive and keep at least 1`);
  }
  // Logs hold callers' data: private to this OS user, whatever the umask.
  files.dir(path.dirname(file));
  let fd: number | undefined = fs.openSync(file, 'a', PRIVATE_FILE_MODE);
  files.file(file);
  let size = fs.fstatSync(fd).size;
  let pending = Buffer.alloc(0);
  let closed = false;
  let failing = false;

  const reopen = (): number => {
    const opened = fs.openSync(file, 'a', PRIVATE_FILE_MODE);
    fd = opened;
    size = fs.fstatSync(opened).size;
    return opened;
  };

  const rotate = (): void => {
    if (fd !== undefined) fs.closeSync(fd);
    fd = undefined;
    try {
      fs.rmSync(`${file}.${options.keep}`, { force: true });
      for (let n = options.keep - 1; n >= 1; n -= 1) {
        if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
      }
      fs.renameSync(file, `${file}.1`);
    } finally {
      reopen();
    }
  };

  const append = (bytes: Buffer): void => {
    try {
      // After a failure the file is opened afresh; a line longer than the cap still goes
      // whole into a file of its own.
      if (fd === undefined) reopen();
      else if (size > 0 && size + bytes.length > options.maxBytes) rotate();
      fs.writeSync(fd!, bytes);
      size += bytes.length;
      failing = false;
    } catch (error) {
      if (!failing) onError(error as Error);
      failing = true;
    }
  };

  const write = (text: string | Buffer): void => {
    if (closed) return;
    pending = Buffer.concat([pending, typeof text === 'string' ? Buffer.from(text) : text]);
    let newline = pending.indexOf(0x0a);
    while (newline !== -1) {
      append(pending.subarray(0, newline + 1));
      pending = pending.subarray(newline + 1);
      newline = pending.indexOf(0x0a);
    }
    // Output that never ends its line must not grow in memory without bound.
    if (pending.length > options.maxBytes) {
      append(pending);
      pending = Buffer.alloc(0);
    }
  };

  return {
    write,
    close: () => {
      if (closed) return;
      if (pending.length > 0) append(pending);
      pending = Buffer.alloc(0);
      closed = true;
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
