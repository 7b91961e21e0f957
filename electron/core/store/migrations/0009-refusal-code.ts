import type { Migration } from '../migrate';

/**
 * A dispatch the hub refused keeps the hub's refusal code apart from its note, so the
 * console can say why in the operator's language (never the hub's English text, which
 * stays in the log). Dispatches refused before this kept "code: message" in their note:
 * the code is taken out of it and the note cleared.
 */
export const m0009RefusalCode: Migration = {
  version: 9,
  name: 'refusal-code',
  up(db) {
    db.exec(`
      ALTER TABLE dispatches ADD COLUMN refusal TEXT; -- the hub's error code, when refused
      UPDATE dispatches
         SET refusal = CASE WHEN instr(note, ':') > 0 THEN substr(note, 1, instr(note, ':') - 1)
                            ELSE 'internal' END,
             note = NULL
       WHERE status = 'refused';
    `);
  },
};
