/** A hub event as tests read it off the wire: every field any event type has, optional. */
import type { CaseEntry, CaseFields, DispatchStatus, HubEvent } from '../../shared/hub/messages';

export type WireEvent = Pick<HubEvent, 'seq' | 'type' | 'at' | 'actor'> &
  Partial<{
    caseId: string;
    dispatchId: string;
    opdId: string;
    status: DispatchStatus;
    note: string;
    fields: CaseFields;
    holder: string;
    entry: CaseEntry;
    call: { callId: string; at: number; disposition: string; callerNumber: string | null };
  }>;
