/**
 * Starts one of the export's worker threads, a module beside the caller. From source
 * (tests, the browser host, benches) it is TypeScript, loaded through tsx; in the desktop
 * build it is the bundled JavaScript of the same name.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** `here` is the caller's `import.meta.url`: the thread's module is named from it. */
export function startThread(
  here: string,
  name: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  if (here.endsWith('.ts')) {
    const target = new URL(`./${name}.ts`, here).href;
    // The ESM build of tsx's API, beside the CommonJS one `require.resolve` finds.
    const api = createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const tsx = pathToFileURL(api).href;
    const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(boot, { eval: true, workerData, ...limits });
  }
  return new Worker(new URL(`./${name}.js`, here), { workerData, ...limits });
}
