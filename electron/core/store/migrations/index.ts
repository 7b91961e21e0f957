/** Every migration of the console store, in order. Append only; never edit a shipped one. */
import type { Migration } from '../migrate';
import { m0001Settings } from './0001-settings';
import { m0002Intake } from './0002-intake';
import { m0003Outbox } from './0003-outbox';
import { m0004Routing } from './0004-routing';
import { m0005Replicas } from './0005-replicas';
import { m0006OpdPhone } from './0006-opd-phone';
import { m0007DraftsPerCall } from './0007-drafts-per-call';
import { m0008ForeignReference } from './0008-foreign-reference';
import { m0009RefusalCode } from './0009-refusal-code';
import { m0010ScreenedCalls } from './0010-screened-calls';
import { m0011CallerHistory } from './0011-caller-history';
import { m0012CoReporters } from './0012-co-reporters';
import { m0013Blocks } from './0013-blocks';
import { m0014AccountsReplica } from './0014-accounts-replica';
import { m0015Reports } from './0015-reports';
import { m0016Supervision } from './0016-supervision';
import { m0017CenterRules } from './0017-center-rules';
import { m0018ExportAudit } from './0018-export-audit';
import { m0019CallableByAge } from './0019-callable-by-age';
import { m0020StatusInFewerIndexes } from './0020-status-in-fewer-indexes';

export const migrations: readonly Migration[] = [
  m0001Settings,
  m0002Intake,
  m0003Outbox,
  m0004Routing,
  m0005Replicas,
  m0006OpdPhone,
  m0007DraftsPerCall,
  m0008ForeignReference,
  m0009RefusalCode,
  m0010ScreenedCalls,
  m0011CallerHistory,
  m0012CoReporters,
  m0013Blocks,
  m0014AccountsReplica,
  m0015Reports,
  m0016Supervision,
  m0017CenterRules,
  m0018ExportAudit,
  m0019CallableByAge,
  m0020StatusInFewerIndexes,
];
