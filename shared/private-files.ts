/**
 * Files that hold callers' data (stores, logs, backups, exports, tokens) are private to the
 * OS user that runs Sigap: folders 0700, files 0600. Modes are set explicitly, since a
 * umask only takes bits away and an existing file keeps the mode it was made with, and they
 * are corrected on every start. SQLite makes a store's -wal and -shm with the store file's
 * mode, so a store file created 0600 keeps its companions private too.
 *
 * POSIX only: on Windows, chmod cannot say this. There Sigap's data lives in the user's
 * profile (%APPDATA%, or a --data folder the service account owns), whose ACL already
 * keeps other users out. Each Node side passes its `node:fs` (shared code uses no Node).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The part of `node:fs` this needs. */
export interface ModeFs {
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
  chmodSync(path: string, mode: number): void;
  openSync(path: string, flags: string, mode: number): number;
  closeSync(fd: number): void;
}

export interface PrivateFiles {
  /** Makes the folder (and missing parents) and sets it to 0700. */
  dir(path: string): void;
  /** Sets an existing file to 0600; a missing one is left missing. */
  file(path: string): void;
  /** Creates the file empty if missing; either way it is 0600 before anything is written. */
  create(path: string): void;
  /** A SQLite store and its -wal and -shm files. */
  store(path: string): void;
}

export function privateFiles(fs: ModeFs, platform: string): PrivateFiles {
  const posix = platform !== 'win32';
  const file = (path: string): void => {
    if (posix && fs.existsSync(path)) fs.chmodSync(path, PRIVATE_FILE_MODE);
  };
  return {
    dir(path) {
      fs.mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
      if (posix) fs.chmodSync(path, PRIVATE_DIR_MODE);
    },
    file,
    create(path) {
      fs.closeSync(fs.openSync(path, 'a', PRIVATE_FILE_MODE));
      file(path);
    },
    store(path) {
      for (const f of [path, `${path}-wal`, `${path}-shm`]) file(f);
    },
  };
}
