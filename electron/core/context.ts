/**
 * What handlers may use: the desk's store through its typed interface per area (never the
 * SQLite connection), the clock, events. Who is signed in is not here: it belongs to the
 * calling screen and comes with each call (see session.ts).
 */
import type { AppStatus, ConsoleEvent } from '../../shared/api/contract';
import type { ReferenceData } from '../../shared/domain/reference';
import type { RetentionRules } from '../../shared/domain/retention';
import type { Logger } from '../../shared/log';
import type { DesktopNotice } from '../../shared/api/supervise-contract';
import type { ClockData } from './clocks/clock-data';
import type { DeskDashboard } from './dashboard/desk-dashboard';
import type { HubLink } from './hub/hub-link';
import type { ShiftSchedule } from '../../shared/domain/shift';
import type { CenterFile } from './report/report-data';
import type { PersonTokens } from './auth/person-tokens';
import type { CallerLookup } from './screening/caller-lookup';
import type { DeskStore } from './store/interface';
import type { RulesInForce } from './rules/rules-in-force';
import type { ExportService } from './exports/exports-service';

export interface CoreContext {
  store: DeskStore;
  /** How long numbers of calls without a case are kept (resources/data/screening.json). */
  retention: RetentionRules;
  /** The forms a normalized number is stored in: itself, and its hash after retention. */
  numberKeys(e164: string): string[];
  /** The outbox gained a message: send it now, and refresh the status bar. */
  outboxChanged(): void;
  log: Logger;
  deskId: string;
  now(): number;
  /** Hub clock minus desk clock in ms, measured at hello; 0 until the hub answered once. */
  hubOffset(): number;
  /** Category clock targets and the holiday calendar (resources/data). */
  clocks: ClockData;
  /** Shows a desktop notification where the host has them (the desktop app); false if not. */
  desktopNotify(notice: DesktopNotice): boolean;
  status(): AppStatus;
  /** Tell subscribers that something in AppStatus changed. */
  statusChanged(): void;
  emit(event: ConsoleEvent): void;
  reference(): ReferenceData;
  /** The routing table and category targets in force (published at the hub, or the files'). */
  rules: RulesInForce;
  /** Caller history and prank likelihood (read only). */
  lookupCaller: CallerLookup;
  /** Exports of cases and calls, each on a worker thread. */
  exports: ExportService;
  /** The supervisor's dashboard and this desk's presence at the hub. */
  dashboard: DeskDashboard;
  /** The shift schedule and the center's name, for reports (resources/data). */
  reportSettings: { schedule: ShiftSchedule; center: CenterFile };
  /** The hub link, for messages sent directly (accounts, supervisors' actions); none when no hub is configured. */
  hub: Pick<HubLink, 'status' | 'request'> | undefined;
  /** The hub tokens of the people signed in here. */
  people: PersonTokens;
}
