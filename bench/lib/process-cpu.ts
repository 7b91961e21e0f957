/** CPU time a process has used so far, read from /proc (Linux only). */
import fs from 'node:fs';

const CLOCK_TICKS = 100;

/** User + system CPU time of process `pid` so far, in µs; undefined where /proc is absent. */
export function processCpuUs(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
