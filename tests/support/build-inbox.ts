/**
 * Vitest global setup: the OPD inbox page is built once before any test starts a hub, so
 * hubs started side by side never each build it (a hub builds it when it is missing).
 */
import path from 'node:path';
import { ensureInboxBuilt } from '../../hub/inbox-build';
import { repoRoot } from './processes';

export default async function setup(): Promise<void> {
  await ensureInboxBuilt(repoRoot, path.join(repoRoot, 'out', 'inbox'), (line) =>
    process.stdout.write(`${line}\n`),
  );
}
