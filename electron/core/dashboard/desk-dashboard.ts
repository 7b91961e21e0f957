/**
 * The desk's side of the supervisor's dashboard. It reports to the hub who is signed in at
 * this desk and whether a call form is open (`desk.person`, on every change and after each
 * reconnect); while a supervisor's screen shows the dashboard it subscribes over the desk's
 * hub link and passes each `dashboard` push on; while the hub is unreachable it computes
 * the same figures from this desk's replica, marked partial. Never imports 'electron'.
 */
import type { Dashboard } from '../../../shared/domain/dashboard/model';
import { MIN_COUNT_FOR_MEDIAN } from '../../../shared/domain/dashboard/model';
import { buildDashboard, type RosterOpd } from '../../../shared/domain/dashboard/build';
import { DashboardPush, DashboardSubscribeAck } from '../../../shared/hub/dashboard';
import type { Logger } from '../../../shared/log';
import { CoreError } from '../errors';
import type { HubLink } from '../hub/hub-link';
import type { Session } from '../session';
import type { DashboardReads } from '../store/dashboard-reads';

const REQUEST_TIMEOUT_MS = 5000;
/** While the hub is away, the partial figures are computed again at least this often. */
const PARTIAL_EVERY_MS = 5000;
/** …and at most this often when the replica keeps changing. */
const PARTIAL_GAP_MS = 250;

export interface DeskDashboardOptions {
  link: HubLink | undefined;
  deskId: string;
  reads: DashboardReads;
  roster: readonly RosterOpd[];
  log: Logger;
  now: () => number;
  /** New figures for the screens showing the dashboard. */
  emit: (dashboard: Dashboard) => void;
  /** The hub token of a person signed in here (auth/person-tokens.ts): the hub checks it. */
  tokenFor: (accountId: string) => string | 'pending' | undefined;
}

/** The supervisor whose screen shows the dashboard. */
interface Person {
  id: string;
  displayName: string;
}

export function startDeskDashboard(o: DeskDashboardOptions) {
  const screens = new Map<Session, { onCall: boolean }>();
  const watching = new Set<Session>();
  let subscribed = false;
  const online = () => o.link?.status().state === 'online';

  const actor = (person: string) => ({ id: o.deskId, role: 'desk' as const, person });
  const people = () =>
    [...screens.keys()].flatMap((s) =>
      s.operator ? [{ name: s.operator.displayName, role: s.operator.role }] : [],
    );

  let lastReport = '';
  function report(force = false): void {
    if (!o.link || !online()) return;
    const who = people();
    const body = { people: who, onCall: [...screens.values()].some((s) => s.onCall) };
    const key = JSON.stringify(body);
    if (!force && key === lastReport) return;
    lastReport = key;
    o.link
      .request(
        'desk.person',
        { ...body, actor: actor(who[0]?.name ?? o.deskId) },
        REQUEST_TIMEOUT_MS,
      )
      .catch((e: unknown) => {
        lastReport = ''; // told again on the next change or reconnect
        o.log.warn('desk.person not delivered', { error: String(e) });
      });
  }

  const partial = (): Dashboard =>
    buildDashboard(
      o.reads.facts(o.now()),
      // This desk knows only itself: other desks and the OPD inboxes are the hub's to see.
      {
        desks: [
          {
            deskId: o.deskId,
            online: true,
            people: people().map((p) => p.name),
            onCall: [...screens.values()].some((s) => s.onCall),
          },
        ],
      },
      o.roster,
      o.now(),
      { partial: true, minCountForMedian: MIN_COUNT_FOR_MEDIAN },
    );

  let partialTimer: NodeJS.Timeout | undefined;
  let lastPartial = 0;
  function pushPartial(): void {
    partialTimer = undefined;
    if (watching.size === 0 || (online() && subscribed)) return;
    lastPartial = o.now();
    o.emit(partial());
  }
  const requestPartial = (): void => {
    if (partialTimer || watching.size === 0) return;
    partialTimer = setTimeout(pushPartial, Math.max(0, lastPartial + PARTIAL_GAP_MS - o.now()));
  };
  const ticker = setInterval(() => {
    requestPartial();
    subscribeAgain();
  }, PARTIAL_EVERY_MS);
  ticker.unref();

  /** The hub was up but did not answer the last subscription (busy): ask it again. */
  let unanswered = false;
  let subscribing = false;
  function subscribeAgain(): void {
    const first = [...watching][0]?.operator;
    if (!unanswered || subscribed || subscribing || !first || !online()) return;
    void subscribe(first)
      .then((d) => d && o.emit(d))
      .catch(() => undefined);
  }

  async function subscribe(person: Person): Promise<Dashboard | undefined> {
    if (!o.link || !online()) return undefined;
    const token = o.tokenFor(person.id);
    // The token is on its way (signed in while the hub was away or busy): partial figures
    // until it is here, then asked again. No token at all: the hub refuses.
    unanswered = token === 'pending';
    if (unanswered) return undefined;
    subscribing = true;
    try {
      const raw = await o.link.request(
        'dashboard.subscribe',
        {
          on: true,
          ...(token ? { personToken: token } : {}),
          actor: actor(person.displayName),
        },
        REQUEST_TIMEOUT_MS,
      );
      const ack = DashboardSubscribeAck.safeParse(raw);
      if (!ack.success) {
        o.log.warn('dashboard.subscribe answered in an unknown form');
        return undefined;
      }
      if (!ack.data.ok) throw new CoreError('auth.not_supervisor', ack.data.error.message);
      subscribed = true;
      return ack.data.dashboard;
    } catch (e) {
      if (e instanceof CoreError) throw e;
      o.log.warn('dashboard.subscribe failed', { error: String(e) });
      // Without this the screen would show partial figures until the next reconnect, from
      // a hub that is there and only slow (catching up, closing a backlog of cases).
      unanswered = online();
      return undefined;
    } finally {
      subscribing = false;
    }
  }

  const stopPush = o.link?.onPush('dashboard', (raw) => {
    if (watching.size === 0) return;
    const figures = DashboardPush.safeParse(raw);
    if (figures.success) o.emit(figures.data);
    else o.log.warn('dashboard push unreadable', { issue: figures.error.issues[0]?.message });
  });
  const stopStatus = o.link?.onChange((status) => {
    if (status.state === 'online') {
      report(true);
      const first = [...watching][0]?.operator;
      if (first)
        void subscribe(first)
          .then((d) => d && o.emit(d))
          .catch(() => undefined);
    } else {
      subscribed = false;
      requestPartial();
    }
  });

  return {
    screenOpened(session: Session): void {
      screens.set(session, { onCall: false });
    },
    screenClosed(session: Session): void {
      screens.delete(session);
      void this.close(session);
      report();
    },
    /** Someone signed in or out on a screen of this desk. */
    peopleChanged(): void {
      for (const s of watching) if (s.operator?.role !== 'supervisor') void this.close(s);
      report();
    },
    setOnCall(session: Session, onCall: boolean): void {
      const screen = screens.get(session);
      if (!screen || screen.onCall === onCall) return;
      screen.onCall = onCall;
      report();
      requestPartial();
    },
    /** A supervisor's screen shows the dashboard: the figures now, then `emit` on changes. */
    async open(session: Session, person: Person): Promise<Dashboard> {
      watching.add(session);
      const live = await subscribe(person);
      return live ?? partial();
    },
    async close(session: Session): Promise<void> {
      if (!watching.delete(session) || watching.size > 0) return;
      subscribed = false;
      unanswered = false;
      if (!o.link || !online()) return;
      await o.link
        .request('dashboard.subscribe', { on: false, actor: actor(o.deskId) }, REQUEST_TIMEOUT_MS)
        .catch(() => undefined);
    },
    /** The replica changed: partial figures follow it while the hub is away. */
    replicaChanged: requestPartial,
    stop(): void {
      clearTimeout(partialTimer);
      clearInterval(ticker);
      stopPush?.();
      stopStatus?.();
    },
  };
}

export type DeskDashboard = ReturnType<typeof startDeskDashboard>;
