/** Types of the `sigap/lifecycle-table` rule, for the tests that run it. */
import type { Rule } from 'eslint';

declare const rule: Rule.RuleModule;
export default rule;
export const STATUS_LITERALS: ReadonlySet<string>;
export const ACK_TYPES: ReadonlySet<string>;
