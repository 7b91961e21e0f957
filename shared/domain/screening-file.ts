/**
 * The parts of resources/data/screening.json that soft blocks and retention read: each key
 * has its own schema, and keys other features keep in the same file are left to them.
 */
import { z } from 'zod';
import { BlockRules } from './blocks';
import { RetentionRules } from './retention';

export const BlocksAndRetention = z.object({ blocks: BlockRules, retention: RetentionRules });
export type BlocksAndRetention = z.infer<typeof BlocksAndRetention>;

export type ScreeningFileRead =
  { ok: true; value: BlocksAndRetention } | { ok: false; message: string };

/** Reads the file's text; a bad file says which key and why, and nothing is used from it. */
export function readBlocksAndRetention(text: string): ScreeningFileRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `screening.json is not JSON: ${String(e)}` };
  }
  const parsed = BlocksAndRetention.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    message: `screening.json: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
  };
}
