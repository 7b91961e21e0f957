/**
 * Structural sharing for the dashboard's pushes: every push is a fresh object, but most of
 * it is what the screen already shows. Parts equal to the current figures keep the current
 * objects, so memoised tables and charts see the same props and skip redrawing.
 */

type Plain =
  undefined | null | boolean | number | string | readonly Plain[] | { readonly [k: string]: Plain };

/** `next`, with every part deep-equal to the same part of `prev` replaced by `prev`'s. */
export function keepUnchanged<T>(prev: T | undefined, next: T): T {
  return share(prev as Plain, next as Plain) as T;
}

function share(prev: Plain, next: Plain): Plain {
  if (prev === next) return next;
  if (prev === null || next === null || typeof prev !== 'object' || typeof next !== 'object') {
    return next;
  }
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    const out = next.map((item, i) => share(prev[i], item));
    return out.length === prev.length && out.every((item, i) => item === prev[i]) ? prev : out;
  }
  if (Array.isArray(prev)) return next;
  const before = prev as { readonly [k: string]: Plain };
  const after = next as { readonly [k: string]: Plain };
  const keys = Object.keys(after);
  const out: { [k: string]: Plain } = {};
  let same = keys.length === Object.keys(before).length;
  for (const k of keys) {
    out[k] = share(Object.hasOwn(before, k) ? before[k] : undefined, after[k]);
    if (out[k] !== before[k] || !Object.hasOwn(before, k)) same = false;
  }
  return same ? prev : out;
}
