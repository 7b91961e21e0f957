/**
 * The console backend: plain Node, no 'electron' import. It owns the local store and the
 * hub link, answers console API calls and pushes events. Hosts (the browser host, Electron
 * main) only carry calls and events to and from it, each screen's calls in its own session.
 */
import type { TargetsTable } from '../../shared/domain/center-rules';
import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus, ConsoleEvent, HubStatus } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import type { RosterOpd } from '../../shared/domain/dashboard/build';
import { OpdsFile } from '../../shared/domain/reference';
import { checkHubUrls } from '../../shared/hub/url';
import type { Logger } from '../../shared/log';
import { createRouter } from './api/router';
import type { DesktopNotice } from '../../shared/api/supervise-contract';
import { loadClockData } from './clocks/clock-data';
import { startCallAlarmMonitor } from './call-alarm-monitor';
import { createHandlers } from './api/handlers';
import { startDeskDashboard } from './dashboard/desk-dashboard';
import type { CoreContext } from './context';
import { connectHub, type HubLink } from './hub/hub-link';
import { demoAccountsFile, ensureDemoAccounts, type DemoAccount } from './auth/demo-accounts';
import { createPersonTokens, withPersonToken } from './auth/person-tokens';
import { fail } from '../../shared/api/errors';
import { startReplication } from './hub/replication';
import { paced } from './paced';
import { files } from './private-files';
import { createCallerLookup } from './screening/caller-lookup';
import { exportLoggedMessage } from './exports/export-audit';
import { createExportService } from './exports/exports-service';
import { loadLikelihoodRules } from './screening/rules-file';
import { readDuplicateRules } from './duplicate-rules';
import { readRetention } from './screening-settings';
import { hashNumber, loadNumberKey, startRetention } from './retention';
import { openStore } from './store/database';
import { createDashboardReads } from './store/dashboard-reads';
import { createDeskStore } from './store/desk-store';
import { readCenter, readShiftSchedule } from './report/report-data';
import { loadDefaultReference, readReference } from './store/reference';
import { createRulesInForce, readFileTargets } from './rules/rules-in-force';
import type { Session } from './session';

export interface CoreOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  version: string;
  log: Logger;
  /** SIGAP_HUB_URL: one hub address, or several hub nodes comma-separated. */
  hubUrl?: string | undefined;
  hubToken?: string | undefined;
  /** PEM certificates of the CA the hub's certificate must chain to (private CA). */
  hubCa?: string | undefined;
  nativeBinding?: string | undefined;
  /** Folder with the default reference data (wilayah, categories, OPDs). */
  resourcesDir: string;
  /** This desk's id, as the hub knows it. */
  deskId?: string | undefined;
  now?: () => number;
  /** How often core looks for dispatches that turned red by time alone (default 5 s). */
  callAlarmCheckMs?: number;
  /** Shows a desktop notification (the desktop app's main process); false when it cannot. */
  desktopNotify?: ((notice: DesktopNotice) => boolean) | undefined;
}

/**
 * One screen's line to core: a browser tab or a desktop window. Calls on it are answered
 * as the person signed in on that screen, and on no other.
 */
export interface ConsoleSession {
  call(channel: string, rawArgs: unknown): Promise<ApiResult<unknown>>;
  /** The screen is gone (tab closed, page reloaded, window destroyed): its sign-in ends. */
  close(): void;
}

export interface Core {
  /** A new screen starts signed out, whoever is signed in elsewhere on this desk. */
  openSession(): ConsoleSession;
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
  /** On a store without accounts, creates the demo accounts and returns them. */
  ensureDemoAccounts(): Promise<DemoAccount[] | undefined>;
  close(): void;
}

/** Channels a signed-out screen uses: a disabled person's call to one simply finds them signed out. */
const SIGNED_OUT_CHANNELS: ReadonlySet<string> = new Set([
  'app.status',
  'app.setLanguage',
  'auth.session',
  'auth.signIn',
  'auth.signOut',
  'reference.get',
  'account.setupNeeded',
]);

/** The least time between two status pushes while changes keep coming. */
const STATUS_GAP_MS = 50;

export function storePath(dataDir: string): string {
  return path.join(dataDir, 'console', 'console.db');
}

export function openCore(options: CoreOptions): Core {
  const now = options.now ?? Date.now;
  const log = options.log;
  const file = storePath(options.dataDir);
  // The data dir holds callers' data: only this OS user may enter it, and its secrets are
  // private even where the folder was made before Sigap set modes.
  files.dir(options.dataDir);
  files.file(demoAccountsFile(options.dataDir));
  const db = openStore(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  loadDefaultReference(db, options.resourcesDir);
  const likelihoodRules = loadLikelihoodRules(options.resourcesDir);
  const listeners = new Set<(event: ConsoleEvent) => void>();
  const deskId = options.deskId ?? 'desk-1';
  // The key retention hashes numbers with: made on first start, kept owner-only.
  const numberKey = loadNumberKey(options.dataDir);
  const hashOf = (e164: string): string => hashNumber(numberKey, e164);
  // The clocks follow the targets the hub last published; the store that holds them is
  // opened just below, so the clocks ask through `published` when they need them.
  let published: () => TargetsTable | undefined = () => undefined;
  const clocks = loadClockData(options.resourcesDir, () => published());
  const store = createDeskStore(db, deskId, log, {
    duplicates: readDuplicateRules(options.resourcesDir),
    hashOf,
    clocks,
  });
  // Routing and targets as the hub last published them, else the files'.
  const rules = createRulesInForce(
    store.centerRules,
    readReference(db),
    readFileTargets(options.resourcesDir),
  );
  published = rules.publishedTargets;
  let rulesSeen = rules.generation();

  let hub: HubLink | undefined;
  let hubFallback: HubStatus = { url: null, state: 'not_configured', since: now() };
  if (options.hubUrl) {
    const checked = checkHubUrls(options.hubUrl);
    if (!checked.ok) {
      hubFallback = {
        url: options.hubUrl,
        state: 'refused',
        since: now(),
        detail: checked.error.message,
      };
      log.error('hub url refused', { url: options.hubUrl, reason: checked.error.message });
    } else if (!options.hubToken) {
      hubFallback = {
        url: checked.value[0]!.origin,
        state: 'refused',
        since: now(),
        detail: 'no desk token configured (SIGAP_HUB_TOKEN)',
      };
    } else {
      hub = connectHub({
        urls: checked.value,
        token: options.hubToken,
        ca: options.hubCa,
        log: log.child('hub'),
        now,
      });
    }
  }

  const status = (): AppStatus => ({
    version: options.version,
    mode: options.mode,
    storePath: file,
    language: store.settings.language(),
    hub: hub ? hub.status() : hubFallback,
    outbox: (({ oldest, ...counts }) => ({ ...counts, oldestAt: oldest }))(store.outbox.stats()),
    callAlarms: alarms.current().length,
  });
  const emit = (event: ConsoleEvent): void => {
    for (const listener of listeners) listener(event);
  };
  // Coalesced: a burst of changes (saves, acks) sends one status after it, off the save
  // path, and a long burst one every STATUS_GAP_MS (each counts the whole outbox).
  const statusPush = paced(() => {
    if (listeners.size > 0) emit({ event: 'app.status', payload: status() });
  }, STATUS_GAP_MS);
  const statusChanged = (): void => statusPush.request();
  hub?.onChange(statusChanged);

  const alarms = startCallAlarmMonitor({
    reads: store.alarms,
    deskId,
    now,
    log: log.child('alarms'),
    changed: (caseIds) => {
      statusChanged();
      for (const caseId of caseIds) emit({ event: 'queue.changed', payload: { caseId } });
    },
    raised: (alarm) => emit({ event: 'alarm.raised', payload: alarm }),
    ...(options.callAlarmCheckMs ? { intervalMs: options.callAlarmCheckMs } : {}),
  });

  const dashboard = startDeskDashboard({
    link: hub,
    deskId,
    reads: createDashboardReads(db, clocks),
    roster: dashboardRoster(options.resourcesDir, rules.reference().opds, log),
    log: log.child('dashboard'),
    now,
    emit: (figures) => emit({ event: 'dashboard.changed', payload: figures }),
    // Called only once a supervisor opens the dashboard, after `people` below exists.
    tokenFor: (accountId) => people.tokenFor(accountId),
  });

  const people = createPersonTokens({
    link: hub,
    log: log.child('people'),
    now,
    applyAccount: (account) => store.operators.apply(account, now()),
  });

  const replication = hub
    ? startReplication({
        link: hub,
        outbox: store.outbox,
        dispatches: store.dispatches,
        events: store.replica,
        log: log.child('replication'),
        now,
        atomically: (fn) => store.replica.atomically(fn),
        personal: (payload) => withPersonToken(people, payload),
        changed: (caseId) => {
          statusChanged();
          alarms.poke();
          dashboard.replicaChanged();
          if (caseId) emit({ event: 'queue.changed', payload: { caseId } });
          else if (rules.generation() !== rulesSeen) {
            // A supervisor published routing or targets: screens read the reference again.
            rulesSeen = rules.generation();
            emit({ event: 'reference.changed', payload: {} });
          }
          // An event of no case: a call logged or a soft block set or lifted somewhere.
          else emit({ event: 'callers.changed', payload: {} });
        },
      })
    : undefined;

  const retentionRules = readRetention(options.resourcesDir, log);
  const retention = startRetention({
    retire: (cutoff) => store.retention.retire(cutoff),
    rules: retentionRules,
    now,
    log: log.child('retention'),
  });

  const exports = createExportService({
    dataDir: options.dataDir,
    storeFile: file,
    nativeBinding: options.nativeBinding,
    deskId,
    now,
    log: log.child('exports'),
    language: () => store.settings.language(),
    progress: (payload) => emit({ event: 'export.progress', payload }),
    ended: (e) => {
      const offline = !hub || hub.status().state !== 'online';
      store.outbox.enqueue(
        'export.logged',
        e.exportId,
        exportLoggedMessage(e, deskId, offline),
        now(),
      );
      ctx.outboxChanged();
    },
  });

  const ctx: CoreContext = {
    store,
    exports,
    lookupCaller: createCallerLookup(store.callers, store.blocks, () => likelihoodRules),
    retention: retentionRules,
    numberKeys: (e164) => [e164, hashOf(e164)],
    outboxChanged: () => {
      statusChanged();
      alarms.poke();
      dashboard.replicaChanged();
      replication?.kick();
    },
    log,
    deskId,
    now,
    hubOffset: () => hub?.clockOffset?.() ?? 0,
    clocks,
    desktopNotify: options.desktopNotify ?? (() => false),
    status,
    statusChanged,
    emit,
    reference: rules.reference,
    rules,
    dashboard,
    hub,
    people,
    reportSettings: {
      schedule: readShiftSchedule(options.resourcesDir),
      center: readCenter(options.resourcesDir),
    },
  };
  const route = createRouter(createHandlers(ctx), log.child('api'));
  let screens = 0;

  return {
    openSession() {
      const session: Session = { screen: ++screens, operator: null };
      // This screen's person was signed out because a supervisor disabled the account.
      let disabledHere = false;
      dashboard.screenOpened(session);
      return {
        call: async (channel, rawArgs) => {
          // Disabled (the hub's event reached this desk): signed out, and the call refused.
          const person = session.operator;
          if (person && !store.operators.isEnabled(person.id)) {
            log.info('account disabled, signed out', {
              operator: person.id,
              screen: session.screen,
            });
            people.forget(person.id);
            session.operator = null;
            disabledHere = true;
            dashboard.peopleChanged();
          }
          // Until someone signs in again, every action on this screen says why it is refused
          // (a call made in passing, such as the dashboard's, must not turn it into "sign in").
          if (disabledHere && !session.operator && !SIGNED_OUT_CHANNELS.has(channel))
            return fail('auth.account_disabled', 'This account was disabled by a supervisor.');
          const result = await route(channel, rawArgs, session);
          if (channel === 'auth.signIn' && session.operator) disabledHere = false;
          // Who is signed in at this desk is reported to the hub (the dashboard's desks).
          if (channel === 'auth.signIn' || channel === 'auth.signOut' || !session.operator)
            dashboard.peopleChanged();
          return result;
        },
        close() {
          if (session.operator) {
            log.info('screen closed, signed out', {
              operator: session.operator.id,
              screen: session.screen,
            });
          }
          session.operator = null;
          dashboard.screenClosed(session);
        },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ensureDemoAccounts: () => ensureDemoAccounts(db, options.dataDir, now()),
    close() {
      exports.close();
      statusPush.stop();
      dashboard.stop();
      retention.stop();
      alarms.stop();
      replication?.stop();
      people.close();
      hub?.close();
      listeners.clear();
      db.close();
    },
  };
}

/**
 * The OPD roster as the dashboard needs it (inbox use and hours, duty numbers), read from
 * opds.json at every start; the store's copy (without inbox hours) if the file is unreadable.
 */
function dashboardRoster(
  resourcesDir: string,
  stored: readonly RosterOpd[],
  log: Logger,
): RosterOpd[] {
  try {
    const file = path.join(resourcesDir, 'opds.json');
    return OpdsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).opds;
  } catch (error) {
    log.warn('dashboard roster unreadable, inbox hours unknown', { error: String(error) });
    return [...stored];
  }
}
