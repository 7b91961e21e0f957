/**
 * The dashboard's minutes to resolve and clocks per category, live: the targets a supervisor published
 * at the hub once there are any, the files' until then. The dashboard reads it as the map
 * it always had, so a publication reaches its at-risk and breached counts at once.
 */
import { alarmClocksFor, type AlarmClocks } from '../shared/domain/call-alarm';
import type { RulesOperations } from './rules-operations';

export function liveResolveTargets(
  rules: Pick<RulesOperations, 'currentTargets'>,
  files: ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
  let seen: { version: number; map: ReadonlyMap<string, number> } | undefined;
  const current = (): ReadonlyMap<string, number> => {
    const { version, table } = rules.currentTargets();
    if (version === 0) return files;
    if (seen?.version !== version) {
      const map = new Map(
        table.categories.flatMap((c) =>
          c.resolveTargetMin !== undefined ? [[c.categoryId, c.resolveTargetMin] as const] : [],
        ),
      );
      seen = { version, map };
    }
    return seen.map;
  };
  return {
    get: (key) => current().get(key),
    has: (key) => current().has(key),
    get size() {
      return current().size;
    },
    forEach: (fn, thisArg) => current().forEach(fn, thisArg),
    entries: () => current().entries(),
    keys: () => current().keys(),
    values: () => current().values(),
    [Symbol.iterator]: () => current()[Symbol.iterator](),
  };
}

/** Each category's clocks, live in the same way: the published targets' once there are any. */
export function liveRulesFor(
  rules: Pick<RulesOperations, 'currentTargets'>,
  files: AlarmClocks['rulesFor'] | undefined,
): AlarmClocks['rulesFor'] | undefined {
  if (!files) return undefined;
  let seen: { version: number; rulesFor: AlarmClocks['rulesFor'] } | undefined;
  return (categoryId, urgency) => {
    const { version, table } = rules.currentTargets();
    if (version === 0) return files(categoryId, urgency);
    if (seen?.version !== version) {
      const categories = table.categories.map((c) => ({ ...c, id: c.categoryId }));
      seen = { version, rulesFor: alarmClocksFor(categories, table.atRiskShare).rulesFor };
    }
    return seen.rulesFor(categoryId, urgency);
  };
}
