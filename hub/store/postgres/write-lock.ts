/**
 * The center's write lock: a PostgreSQL advisory lock every writing transaction of every
 * hub node takes first, held until it commits. Writes to the center's record happen one
 * transaction at a time, as on SQLite, so every read-check-write an operation does stays
 * true to its commit, and events get their seq in commit order.
 */
export const CENTER_WRITE_LOCK = 112_112;

/** The notice channel on which a commit with events tells every hub node to stream on. */
export const EVENTS_CHANNEL = 'sigap_events';
