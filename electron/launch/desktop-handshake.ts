/**
 * What `npm start` and the Electron main process agree on: the environment variable that
 * hands main the Electron build of better-sqlite3, and the stdout line main prints once its
 * window is on screen. Both sides import these, so neither can drift.
 */
export const NATIVE_BINDING_ENV = 'SIGAP_NATIVE_BINDING';
export const DESKTOP_READY_LINE = 'sigap desktop ready';
