/**
 * Makes sure the OPD inbox page is built before the hub serves it, so `npm run hub` on a
 * fresh clone works. The build goes to a temporary folder renamed into place at the end:
 * hubs started side by side never serve or leave a half-written bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as Vite from 'vite';

export const INBOX_CONFIG = 'inbox.vite.config.ts';

export class InboxBuildError extends Error {}

export const inboxIsBuilt = (outDir: string): boolean =>
  fs.existsSync(path.join(outDir, 'index.html'));

export async function ensureInboxBuilt(
  repoRoot: string,
  outDir: string,
  say: (line: string) => void,
): Promise<void> {
  if (inboxIsBuilt(outDir)) return;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    throw new InboxBuildError(
      `the OPD inbox page is not built (${outDir} is missing) and vite is not installed here: ` +
        'run `npm run build` in a checkout with its dev dependencies, then copy out/inbox',
    );
  }
  say(`building the OPD inbox page into ${outDir}…`);
  const staging = `${outDir}.building-${process.pid}`;
  try {
    await vite.build({
      configFile: path.join(repoRoot, INBOX_CONFIG),
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
    });
    if (!inboxIsBuilt(outDir)) fs.renameSync(staging, outDir);
  } catch (error) {
    if (!inboxIsBuilt(outDir)) {
      throw new InboxBuildError(
        `building the OPD inbox page failed: ${(error as Error).message}; try \`npm run build\``,
      );
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
