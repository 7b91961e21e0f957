/**
 * Routing (DESIGN §2): which OPD(s) a case goes to, by category and optionally kecamatan.
 * The most specific rule wins; the operator confirms the suggestion or picks others.
 */
import { z } from 'zod';
import { Identifier } from '../hub/protocol';

export const RoutingRule = z
  .object({
    categoryId: Identifier,
    kecamatanId: Identifier.optional(),
    opdIds: z.array(Identifier).min(1).max(5),
  })
  .strict();
export type RoutingRule = z.infer<typeof RoutingRule>;

export const RoutingFile = z.object({ rules: z.array(RoutingRule) }).strict();

export function suggestOpds(
  rules: readonly RoutingRule[],
  categoryId: string,
  kecamatanId: string,
): string[] {
  const forCategory = rules.filter((r) => r.categoryId === categoryId);
  const specific = forCategory.find((r) => r.kecamatanId === kecamatanId);
  const general = forCategory.find((r) => r.kecamatanId === undefined);
  return [...((specific ?? general)?.opdIds ?? [])];
}
