/**
 * The per-person tokens this desk holds for the people signed in on it: the hub gives one
 * at sign-in (`session.open`) and a supervisor's messages to the hub carry it. Tokens are
 * kept in memory only, never in the store: they are bearer secrets, and the hub gives a new
 * one at the next sign-in. A person who signed in while the hub was away gets theirs when
 * it comes back: their password is kept in this process's memory until then (never on
 * disk), because asking them again mid-shift would interrupt a call.
 */
import { SessionAck } from '../../../shared/hub/account-messages';
import type { AccountRecord } from '../../../shared/domain/account';
import type { Actor } from '../../../shared/hub/messages';
import type { Logger } from '../../../shared/log';
import type { HubLink } from '../hub/hub-link';
import { TOKEN_PENDING } from '../hub/outbox-sender';

const OPEN_TIMEOUT_MS = 5_000;
/** A hub that is up but did not answer in time (busy) is asked again this soon. */
const RETRY_MS = 5_000;

export type SessionOpened =
  | { kind: 'opened'; account: AccountRecord; token: string }
  | { kind: 'refused'; code: string }
  /** No hub, or it did not answer: sign in against the replica. */
  | { kind: 'unreachable' };

export interface PersonTokens {
  /** Asks the hub for a token; on success the token is kept for the account. */
  open(username: string, password: string, actor: Actor): Promise<SessionOpened>;
  /** Signed in offline: get this person's token when the hub is back. */
  later(accountId: string, username: string, password: string, actor: Actor): void;
  /**
   * The token for the account: a string; 'pending' while one is being fetched; undefined
   * when this desk has none (the hub will refuse the message, for good).
   */
  tokenFor(accountId: string): string | 'pending' | undefined;
  /** The account was disabled: its token and any kept password go. */
  forget(accountId: string): void;
  close(): void;
}

export function createPersonTokens(o: {
  link: Pick<HubLink, 'status' | 'request' | 'onChange'> | undefined;
  log: Logger;
  now: () => number;
  /** An account the hub answered with goes into the replica. */
  applyAccount(account: AccountRecord): void;
  /** How soon to ask again when the hub is up but did not answer (tests shorten it). */
  retryMs?: number;
  /** How long to wait for the hub's answer to a sign-in (tests shorten it). */
  openTimeoutMs?: number;
}): PersonTokens {
  const tokens = new Map<string, { token: string; expiresAt: number }>();
  const waiting = new Map<string, { username: string; password: string; actor: Actor }>();
  const fetching = new Set<string>();

  async function open(username: string, password: string, actor: Actor): Promise<SessionOpened> {
    if (!o.link || o.link.status().state !== 'online') return { kind: 'unreachable' };
    let raw: unknown;
    try {
      raw = await o.link.request(
        'session.open',
        { username, password, actor },
        o.openTimeoutMs ?? OPEN_TIMEOUT_MS,
      );
    } catch {
      return { kind: 'unreachable' };
    }
    const ack = SessionAck.safeParse(raw);
    if (!ack.success) {
      o.log.warn('hub answered session.open in an unknown form');
      return { kind: 'unreachable' };
    }
    if (!ack.data.ok) return { kind: 'refused', code: ack.data.error.code };
    const { account, token, expiresAt } = ack.data;
    o.applyAccount(account);
    tokens.set(account.id, { token, expiresAt });
    return { kind: 'opened', account, token };
  }

  let retry: ReturnType<typeof setTimeout> | undefined;
  const retryLater = (): void => {
    retry ??= setTimeout(() => {
      retry = undefined;
      fetchWaiting();
    }, o.retryMs ?? RETRY_MS);
  };

  const fetchWaiting = (): void => {
    for (const [accountId, w] of waiting) {
      if (fetching.has(accountId)) continue;
      fetching.add(accountId);
      void open(w.username, w.password, w.actor).then((r) => {
        fetching.delete(accountId);
        if (r.kind === 'unreachable') {
          // Kept. A hub that is up but busy is asked again soon: waiting for the next
          // reconnect would leave this person without a token for the rest of the shift.
          if (o.link?.status().state === 'online') retryLater();
          return;
        }
        waiting.delete(accountId);
        if (r.kind === 'refused')
          o.log.warn('hub refused a token for a person signed in offline', { code: r.code });
      });
    }
  };
  const off = o.link?.onChange((status) => {
    if (status.state === 'online') fetchWaiting();
  });

  return {
    open,
    later(accountId, username, password, actor) {
      if (!o.link) return; // no hub: no token is ever needed
      waiting.set(accountId, { username, password, actor });
      if (o.link.status().state === 'online') fetchWaiting();
    },
    tokenFor(accountId) {
      const held = tokens.get(accountId);
      if (held && held.expiresAt > o.now()) return held.token;
      return waiting.has(accountId) ? 'pending' : undefined;
    },
    forget(accountId) {
      tokens.delete(accountId);
      waiting.delete(accountId);
    },
    close() {
      off?.();
      clearTimeout(retry);
      tokens.clear();
      waiting.clear();
    },
  };
}

/**
 * A supervisor's outbox message as it goes on the wire: `personAccount` (kept in the
 * store) becomes that person's token; while the token is on its way, the sender waits.
 */
export function withPersonToken(people: PersonTokens, payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || !('personAccount' in payload))
    return payload;
  const { personAccount, ...rest } = payload as { personAccount: string };
  const token = people.tokenFor(personAccount);
  if (token === 'pending') return TOKEN_PENDING;
  // No token on this desk: sent without one, the hub refuses it for good (auth.token_invalid).
  return token ? { ...rest, personToken: token } : rest;
}
