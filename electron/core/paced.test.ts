import { expect, it } from 'vitest';
import { paced } from './paced';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

it('runs once on the next turn for a burst of requests, as a lone change is shown at once', async () => {
  let runs = 0;
  const p = paced(() => runs++, 10_000);
  for (let i = 0; i < 5; i++) p.request();
  expect(runs).toBe(0);
  await turn();
  expect(runs).toBe(1);
  p.stop();
});

it('while requests keep coming, runs again only after the gap, with the latest state', async () => {
  let runs = 0;
  const p = paced(() => runs++, 40);
  p.request();
  await turn();
  p.request();
  p.request();
  await turn();
  await turn();
  expect(runs).toBe(1); // inside the gap: waits
  await sleep(80);
  expect(runs).toBe(2); // one run for both requests
  p.stop();
});

it('runs nothing after stop', async () => {
  let runs = 0;
  const p = paced(() => runs++, 40);
  p.request();
  p.stop();
  await sleep(60);
  expect(runs).toBe(0);
});
