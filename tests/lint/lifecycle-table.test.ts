/**
 * The lifecycle-table rule: status decisions written outside shared/domain and casts of
 * hub acks are reported; the same code asking the lifecycle table, or parsing the ack, is
 * not. Run with RuleTester for the cases, and through the project's real ESLint config
 * for where the rule is on.
 */
import path from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { DispatchStatus } from '../../shared/hub/messages';
import { CaseStatus } from '../../shared/domain/case';
import { DeskDispatchStatus } from '../../shared/domain/dispatch';
import rule, { STATUS_LITERALS } from '../../tools/eslint/lifecycle-table.js';
import { repoRoot } from '../support/processes';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

const compare = (status: string) => ({ messageId: 'compare', data: { status } });

tester.run('sigap/lifecycle-table', rule, {
  valid: [
    // Asking the table.
    'const closed = !isCaseOpen(detail.status);',
    'if (!isWithdrawable(d.status)) refuse();',
    "const ok = ['a', 'b'].includes(status);",
    // Literals that are not statuses, on status-named expressions.
    "if (a.status === 'rejected') stop();",
    "const on = hub.status === 'online';",
    // Status literals on names that are not status expressions.
    "if (kind !== 'cancelled') show();",
    "const t = form === 'resolved' ? 1 : 2;",
    "switch (action.type) { case 'refused': break; }",
    "const list = ['resolved', 'closed'].includes(kind);",
    // Setting a status is not deciding on one.
    "setStatus('returned');",
    "const row = { status: 'waiting' };",
    // A parsed ack; casts to other types.
    'const ack = SeqAck.safeParse(raw);',
    'const page = raw as { events: unknown[] };',
    'const x = y as const;',
  ],
  invalid: [
    { code: "if (x.status === 'resolved') done();", errors: [compare('resolved')] },
    { code: "const open = status !== 'closed';", errors: [compare('closed')] },
    { code: "if ('cancelled' == detail.status) stop();", errors: [compare('cancelled')] },
    { code: "const w = row?.status === 'waiting';", errors: [compare('waiting')] },
    { code: 'const c = caseStatus === `returned`;', errors: [compare('returned')] },
    { code: "const r = a.to === 'returned';", errors: [compare('returned')] },
    { code: "const q = e.status! === 'queued';", errors: [compare('queued')] },
    {
      code: "switch (d.status) { case 'at_hub': case 'other': break; case 'refused': break; }",
      errors: [compare('at_hub'), compare('refused')],
    },
    {
      code: "const done = ['resolved', 'closed', 'cancelled'].includes(status);",
      errors: [{ messageId: 'includes', data: { status: 'resolved' } }],
    },
    {
      code: 'const ack = raw as HubAck<unknown>;',
      errors: [{ messageId: 'ack', data: { type: 'HubAck' } }],
    },
    {
      code: 'const ack = raw as SeqAck;',
      errors: [{ messageId: 'ack', data: { type: 'SeqAck' } }],
    },
    {
      code: 'const ack = raw as z.infer<typeof DispatchAck>;',
      errors: [{ messageId: 'ack', data: { type: 'DispatchAck' } }],
    },
    {
      code: 'const ack = <HelloAnswer>raw;',
      errors: [{ messageId: 'ack', data: { type: 'HelloAnswer' } }],
    },
    {
      code: 'const ack = raw as Array<TransitionAck> | undefined;',
      errors: [{ messageId: 'ack', data: { type: 'TransitionAck' } }],
    },
  ],
});

describe('sigap/lifecycle-table in the project', () => {
  it('knows every case and dispatch status the domain defines', () => {
    const all = new Set([
      ...CaseStatus.options,
      ...DispatchStatus.options,
      ...DeskDispatchStatus.options,
    ]);
    expect([...STATUS_LITERALS].sort()).toEqual([...all].sort());
  });

  const eslint = new ESLint({ cwd: repoRoot });
  const found = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'sigap/lifecycle-table');
  };
  const code = "export const closed = (status: string) => status === 'closed';\n";

  it('is on in the console, the desk, the hub and the inbox', async () => {
    for (const file of [
      'renderer/src/case/Bad.tsx',
      'electron/core/store/bad.ts',
      'hub/bad.ts',
      'hub/inbox/src/Bad.tsx',
      'shared/hub/bad.ts',
    ]) {
      expect(await found(file, code), file).toHaveLength(1);
    }
  });

  it('leaves the lifecycle table and tests to their literals', async () => {
    expect(await found('shared/domain/lifecycle-extra.ts', code)).toEqual([]);
    expect(await found('tests/integration/bad.test.ts', code)).toEqual([]);
    expect(await found('hub/bad.unit.test.ts', code)).toEqual([]);
  });
});
