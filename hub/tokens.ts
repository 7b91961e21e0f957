/** Loads the hub's tokens file and answers "who is this token?". */
import fs from 'node:fs';
import { TokensFile, type TokenEntry } from '../shared/hub/protocol';

export type TokenBook = ReadonlyMap<string, TokenEntry>;

export class TokensFileError extends Error {}

export function loadTokens(file: string): TokenBook {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TokensFileError(`cannot read tokens file ${file}: ${(error as Error).message}`);
  }
  const parsed = TokensFile.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new TokensFileError(`tokens file ${file} is invalid${where}: ${first?.message ?? ''}`);
  }
  return new Map(parsed.data.tokens.map((t) => [t.token, t]));
}
