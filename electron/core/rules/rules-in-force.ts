/**
 * The routing table and category targets this desk uses now: the latest version the hub
 * published (kept in the store's replica), or version 0 — the files in resources/data — on
 * a desk that never heard of one. Routing suggestions read them through `reference()`, the
 * clocks (and with them the dashboard, alarms and report) through `targets()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  targetsFromCategories,
  type RoutingTable,
  type TargetsTable,
} from '../../../shared/domain/center-rules';
import { CategoriesFile, type ReferenceData } from '../../../shared/domain/reference';
import type { PublishedRules } from '../store/center-rules';
import type { DeskStore } from '../store/interface';

/** A table in force, with where it came from (version 0: the files, nobody published it). */
export type InForce<T> = PublishedRules<T> | { version: 0; table: T };

export interface RulesInForce {
  /** The reference data with the routing and resolve targets in force. */
  reference(): ReferenceData;
  routing(): InForce<RoutingTable>;
  targets(): InForce<TargetsTable>;
  /** The published targets, or undefined while the files' are in force (for the clocks). */
  publishedTargets(): TargetsTable | undefined;
  /** Moves on whenever another version came into force. */
  generation(): number;
}

export function createRulesInForce(
  rules: DeskStore['centerRules'],
  base: ReferenceData,
  fileTargets: TargetsTable,
): RulesInForce {
  let cached:
    | {
        generation: number;
        routing: InForce<RoutingTable>;
        targets: InForce<TargetsTable>;
        published: TargetsTable | undefined;
        reference: ReferenceData;
      }
    | undefined;

  function current() {
    const generation = rules.generation();
    if (cached?.generation === generation) return cached;
    const publishedRouting = rules.routing();
    const publishedTargets = rules.targets();
    const routing = publishedRouting ?? { version: 0 as const, table: { rules: base.routing } };
    const targets = publishedTargets ?? { version: 0 as const, table: fileTargets };
    const resolve = new Map(targets.table.categories.map((c) => [c.categoryId, c]));
    const reference: ReferenceData = {
      ...base,
      routing: routing.table.rules,
      categories: base.categories.map(({ resolveTargetMin: _old, ...c }) => {
        const target = resolve.get(c.id)?.resolveTargetMin;
        return target !== undefined ? { ...c, resolveTargetMin: target } : c;
      }),
    };
    cached = { generation, routing, targets, published: publishedTargets?.table, reference };
    return cached;
  }

  return {
    reference: () => current().reference,
    routing: () => current().routing,
    targets: () => current().targets,
    publishedTargets: () => current().published,
    generation: () => rules.generation(),
  };
}

/** Version 0 of the targets: what resources/data/categories.json lists. */
export function readFileTargets(resourcesDir: string): TargetsTable {
  const file = path.join(resourcesDir, 'categories.json');
  return targetsFromCategories(CategoriesFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
}
