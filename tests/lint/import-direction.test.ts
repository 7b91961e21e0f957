/**
 * The import-direction rule, run through the project's real ESLint config: deliberate
 * violations are reported, allowed imports are not.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';

const eslint = new ESLint({ cwd: repoRoot });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'sigap/import-direction')
    .map((m) => m.message);
}

describe('sigap/import-direction', () => {
  it('stops the renderer from reaching into the desktop side', async () => {
    const found = await violations(
      'renderer/src/Bad.tsx',
      "import { openStore } from '../../electron/core/store/database';\nexport const x = openStore;\n",
    );
    expect(found).toEqual([expect.stringContaining('renderer may not import from electron/core')]);
  });

  it('keeps shared free of Node and of other layers', async () => {
    const found = await violations(
      'shared/bad.ts',
      "import fs from 'node:fs';\nimport { startHub } from '../hub/server';\nexport const x = [fs, startHub];\n",
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('must not use Node built-ins');
    expect(found[1]).toContain('shared may not import from hub');
  });

  it("keeps 'electron' out of core and the hub out of the console", async () => {
    expect(
      await violations(
        'electron/core/bad.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([expect.stringContaining('must not import "electron"')]);
    expect(
      await violations(
        'electron/core/bad.ts',
        "import { startHub } from '../../hub/server';\nexport const x = startHub;\n",
      ),
    ).toEqual([expect.stringContaining('electron/core may not import from hub')]);
    expect(
      await violations(
        'hub/bad.ts',
        "import { openCore } from '../electron/core/core';\nexport const x = openCore;\n",
      ),
    ).toEqual([expect.stringContaining('hub may not import from electron/core')]);
  });

  it('keeps the OPD inbox page to shared, and out of Node and the hub process', async () => {
    const found = await violations(
      'hub/inbox/src/Bad.tsx',
      "import fs from 'node:fs';\nimport { startHub } from '../../server';\nexport const x = [fs, startHub];\n",
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('must not use Node built-ins');
    expect(found[1]).toContain('hub/inbox may not import from hub');
    expect(
      await violations(
        'hub/inbox/src/Ok.tsx',
        "import { OpdDispatch } from '../../../shared/hub/opd-messages';\nexport const x = OpdDispatch;\n",
      ),
    ).toEqual([]);
  });

  it('allows the directions DESIGN §3 allows', async () => {
    expect(
      await violations(
        'renderer/src/Ok.tsx',
        "import { contract } from '../../shared/api/contract';\nexport const x = contract;\n",
      ),
    ).toEqual([]);
    expect(
      await violations(
        'hub/ok.ts',
        "import { TokensFile } from '../shared/hub/protocol';\nexport const x = TokensFile;\n",
      ),
    ).toEqual([]);
  });
});
