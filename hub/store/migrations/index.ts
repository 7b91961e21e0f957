/** Every migration of the hub store, in order. Append only; never edit a shipped one. */
import type { Database } from 'better-sqlite3';
import type { Migration } from '../../../shared/store/migrate';
import { m0001Log } from './0001-log';
import { m0002Takeover } from './0002-takeover';
import { m0003MessageKeys } from './0003-message-keys';
import { m0004HolderDesk } from './0004-holder-desk';
import { m0005ScreenedCalls } from './0005-screened-calls';
import { m0006CoReporters } from './0006-co-reporters';
import { m0007Blocks } from './0007-blocks';
import { m0008Accounts } from './0008-accounts';
import { m0009Audit } from './0009-audit';
import { m0010Reports } from './0010-reports';
import { m0011Alarms } from './0011-alarms';
import { m0012Rules } from './0012-rules';

export const migrations: readonly Migration<Database>[] = [
  m0001Log,
  m0002Takeover,
  m0003MessageKeys,
  m0004HolderDesk,
  m0005ScreenedCalls,
  m0006CoReporters,
  m0007Blocks,
  m0008Accounts,
  m0009Audit,
  m0010Reports,
  m0011Alarms,
  m0012Rules,
];
