/**
 * An address and a landmark as the operator typed them → an FTS5 query for cases at a
 * similar place. Caller text never reaches FTS5 as syntax: only runs of letters and digits
 * pass, each as a quoted prefix term, so `"`, `*`, `NEAR(`, `)`, `:`, `-` or a bare `OR`
 * are plain words or nothing.
 */
import type { DuplicateRules } from '../../../shared/domain/duplicates';

/** At most this many words are searched: a long address says no more after them. */
const MAX_WORDS = 8;

/** The distinct searchable words of `text`, lower case, in the order typed. */
export function placeWords(
  text: string,
  rules: Pick<DuplicateRules, 'minWordLength' | 'ignoredWords'>,
): string[] {
  const ignored = new Set(rules.ignoredWords.map((w) => w.toLowerCase()));
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept: string[] = [];
  for (const w of words) {
    // A house number alone matches every street; digits count with letters ("5a") only.
    if (/^\p{N}+$/u.test(w)) continue;
    if ([...w].length < rules.minWordLength || ignored.has(w) || kept.includes(w)) continue;
    kept.push(w);
    if (kept.length === MAX_WORDS) break;
  }
  return kept;
}

/**
 * Any of the words, as word starts, in the address or landmark columns only; undefined
 * when nothing searchable was typed.
 */
export function similarPlaceQuery(words: readonly string[]): string | undefined {
  if (words.length === 0) return undefined;
  return `{address landmark} : (${words.map((w) => `"${w}"*`).join(' OR ')})`;
}

/** How many of the searched words start a word of `place` (as FTS5 matched them). */
export function sharedWords(words: readonly string[], place: string): number {
  const own =
    place
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => own.some((o) => o.startsWith(w))).length;
}
