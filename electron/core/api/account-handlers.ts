/**
 * Sign-in and center-wide accounts through the console API. A person signs in at the hub
 * when it is reachable (their token for supervisor messages comes back) and against this
 * desk's replica otherwise. Accounts change only through the hub, by a supervisor with a
 * token; the hub's answer goes into the replica at once, and its event reaches every desk.
 */
import { v7 as uuidv7 } from 'uuid';
import { AccountAck, AuditAck } from '../../../shared/hub/account-messages';
import type { AccountSummary } from '../../../shared/domain/account';
import { DUMMY_HASH } from '../../../shared/auth/password';
import type { ErrorCode } from '../../../shared/api/errors';
import type { Operator } from '../../../shared/domain/case';
import type { CoreContext } from '../context';
import { verifyPassword } from '../auth/password';
import { CoreError } from '../errors';
import type { Session } from '../session';
import { requireSupervisor } from './block-handlers';
import type { Handlers } from './handlers';

const HUB_TIMEOUT_MS = 8_000;

/** Hub refusals an operator can act on, by the same code; the rest is `account.refused`. */
const PASSED_ON: ReadonlySet<string> = new Set<ErrorCode>([
  'auth.not_supervisor',
  'auth.token_invalid',
  'auth.account_disabled',
  'account.exists',
  'account.username_taken',
  'account.unknown',
  'account.last_supervisor',
]);

const summary = ({ passwordHash: _hash, ...rest }: { passwordHash: string } & AccountSummary) =>
  rest;

export function accountHandlers(
  ctx: CoreContext,
): Pick<
  Handlers,
  | 'auth.signIn'
  | 'account.setupNeeded'
  | 'account.createFirst'
  | 'account.list'
  | 'account.create'
  | 'account.setEnabled'
  | 'account.resetPassword'
  | 'audit.list'
> {
  const actor = (person: string) => ({ id: ctx.deskId, role: 'desk', person }) as const;

  /** Sends one account message to the hub, or refuses: offline, or the hub said no. */
  async function toHub(event: string, payload: object): Promise<unknown> {
    if (!ctx.hub || ctx.hub.status().state !== 'online')
      throw new CoreError(
        'account.hub_offline',
        'The hub is not connected: accounts change only while it is.',
      );
    try {
      return await ctx.hub.request(event, payload, HUB_TIMEOUT_MS);
    } catch {
      throw new CoreError('account.hub_offline', 'The hub did not answer; nothing was changed.');
    }
  }

  function refused(code: string, message: string): never {
    ctx.log.warn('hub refused an account message', { code, message });
    if (PASSED_ON.has(code)) throw new CoreError(code as ErrorCode, message);
    throw new CoreError('account.refused', 'The hub refused this account change.');
  }

  /** An account change by the supervisor on this screen, applied here from the hub's answer. */
  async function change(session: Session, event: string, payload: object) {
    const supervisor = requireSupervisor(session);
    const token = ctx.people.tokenFor(supervisor.id);
    if (!token || token === 'pending')
      throw new CoreError(
        'auth.token_invalid',
        'The hub has not recognised your session yet; sign in again while it is connected.',
      );
    const raw = await toHub(event, {
      ...payload,
      personToken: token,
      actor: actor(supervisor.displayName),
    });
    const ack = AccountAck.safeParse(raw);
    if (!ack.success)
      throw new CoreError('account.refused', 'The hub answered in an unknown form.');
    if (!ack.data.ok) refused(ack.data.error.code, ack.data.error.message);
    ctx.store.operators.apply(ack.data.account, ctx.now());
    return { account: summary(ack.data.account) };
  }

  const signedIn = (session: Session, operator: Operator): { operator: Operator } => {
    // This screen only: another tab or window keeps its own person.
    session.operator = operator;
    ctx.log.info('signed in', { operator: operator.id, screen: session.screen });
    return { operator };
  };

  return {
    'auth.signIn': async ({ username, password }, session) => {
      const name = username.toLowerCase();
      const opened = await ctx.people.open(name, password, actor(name));
      if (opened.kind === 'opened') {
        const { id, username: u, displayName, role } = opened.account;
        return signedIn(session, { id, username: u, displayName, role });
      }
      if (opened.kind === 'refused' && opened.code === 'auth.account_disabled')
        throw new CoreError('auth.account_disabled', 'This account was disabled by a supervisor.');
      // The hub is away (or does not know this account: one made on this desk before
      // center-wide accounts, which signs in here but gets no token for supervisor messages).
      const found = ctx.store.operators.forSignIn(name);
      // Hash even for an unknown name so timing does not tell which names exist.
      const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
      if (!found || !ok) {
        ctx.log.warn('sign-in refused', { username: name.slice(0, 64) });
        throw new CoreError('auth.bad_credentials', 'Wrong username or password.');
      }
      if (!found.enabled)
        throw new CoreError('auth.account_disabled', 'This account was disabled by a supervisor.');
      if (opened.kind === 'unreachable')
        ctx.people.later(found.operator.id, name, password, actor(found.operator.displayName));
      return signedIn(session, found.operator);
    },

    'account.setupNeeded': () => ({ needed: ctx.store.operators.count() === 0 }),

    'account.createFirst': async ({ username, displayName, password, repeat }, session) => {
      if (password !== repeat)
        throw new CoreError('account.passwords_differ', 'The two passwords differ.', {
          repeat: 'account.passwords_differ',
        });
      if (ctx.store.operators.count() > 0)
        throw new CoreError('account.exists', 'This desk has accounts already.');
      const raw = await toHub('account.bootstrap', {
        accountId: uuidv7(),
        username,
        displayName,
        password,
        actor: actor(displayName),
      });
      const ack = AccountAck.safeParse(raw);
      if (!ack.success)
        throw new CoreError('account.refused', 'The hub answered in an unknown form.');
      if (!ack.data.ok) refused(ack.data.error.code, ack.data.error.message);
      ctx.store.operators.apply(ack.data.account, ctx.now());
      // Signed in at the hub at once, so the new supervisor holds a token from the start.
      const opened = await ctx.people.open(username, password, actor(displayName));
      const a = opened.kind === 'opened' ? opened.account : ack.data.account;
      if (opened.kind !== 'opened') ctx.people.later(a.id, username, password, actor(displayName));
      return signedIn(session, {
        id: a.id,
        username: a.username,
        displayName: a.displayName,
        role: a.role,
      });
    },

    'account.list': (_args, session) => {
      requireSupervisor(session);
      return { accounts: ctx.store.operators.list() };
    },
    'account.create': (args, session) =>
      change(session, 'account.create', { accountId: uuidv7(), ...args }),
    'account.setEnabled': (args, session) => change(session, 'account.setEnabled', args),
    'account.resetPassword': (args, session) => change(session, 'account.resetPassword', args),

    'audit.list': async (filter, session) => {
      const supervisor = requireSupervisor(session);
      const token = ctx.people.tokenFor(supervisor.id);
      if (!token || token === 'pending')
        throw new CoreError(
          'auth.token_invalid',
          'The hub has not recognised your session yet; sign in again while it is connected.',
        );
      const raw = await toHub('audit.list', {
        filter,
        personToken: token,
        actor: actor(supervisor.displayName),
      });
      const ack = AuditAck.safeParse(raw);
      if (!ack.success)
        throw new CoreError('account.refused', 'The hub answered in an unknown form.');
      if (!ack.data.ok) refused(ack.data.error.code, ack.data.error.message);
      return { entries: ack.data.entries };
    },
  };
}
