/**
 * "Now" on the hub's clock (DESIGN §2: SLA clocks use the hub's time where known, since desk
 * clocks drift). A desk measures its offset from the hub once per connection — the hub's
 * `hubTime` in `hello`, against the desk's clock around the round trip — and adds it to its
 * own clock whenever it reads the clocks.
 */

export interface OffsetSample {
  /** The hub's clock as it answered (hello's `hubTime`). */
  hubTime: number;
  /** The desk's clock when it asked (or connected). */
  sentAt: number;
  /** The desk's clock when the answer arrived. */
  receivedAt: number;
}

/**
 * Hub clock minus desk clock, in ms: positive when the desk runs behind. The hub stamped its
 * time somewhere in the round trip; its middle is the best guess (off by at most half of it).
 */
export function hubClockOffset(sample: OffsetSample): number {
  const middle = sample.sentAt + (sample.receivedAt - sample.sentAt) / 2;
  return Math.round(sample.hubTime - middle);
}

/** The hub's time now, from the desk's clock and the measured offset (0 if never measured). */
export function hubNow(deskNow: number, offsetMs: number | null | undefined): number {
  return deskNow + (offsetMs ?? 0);
}
