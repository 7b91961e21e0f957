/**
 * The OPD's queue as the page holds it: open dispatches keyed by id, each with its
 * latest status and any action still on its way to the hub, plus a short list of those
 * closed while the page was open. Pure: no DOM, no socket, so it is tested directly.
 */
import { dispatchRank, isDispatchOpen } from '../../../shared/domain/lifecycle';
import { LEGAL_TRANSITIONS, type Actor, type DispatchStatus } from '../../../shared/hub/messages';
import { type OpdDispatch, type OpdDispatchChanged } from '../../../shared/hub/opd-messages';

export type ActionTo = 'accepted' | 'in_progress' | 'resolved' | 'returned';

export interface Item {
  dispatch: OpdDispatch;
  status: DispatchStatus;
  note?: string | undefined;
  /** Who moved it last and when, when known (another clerk, the center). */
  by?: { actor: Actor; at: number } | undefined;
  /** An action sent but not yet answered by the hub; resent on every reconnect. */
  pending?: { transitionId: string; to: ActionTo } | undefined;
  /** The hub's refusal code for the last action. */
  error?: string | undefined;
}

export interface InboxState {
  /** False until the first `inbox` answer. */
  loaded: boolean;
  open: Readonly<Record<string, Item>>;
  closed: readonly Item[];
}

export type InboxAction =
  | { type: 'inbox'; dispatches: readonly OpdDispatch[] }
  | { type: 'new'; dispatch: OpdDispatch }
  | { type: 'changed'; change: OpdDispatchChanged }
  /** Another caller joined the case: its dispatches show the new count of reporters. */
  | { type: 'reporters'; caseId: string; reporters: number }
  /** A supervisor escalated a dispatch: its card shows the note. */
  | { type: 'escalated'; dispatchId: string; note: string; at: number }
  | { type: 'sending'; dispatchId: string; transitionId: string; to: ActionTo }
  | {
      type: 'applied';
      transitionId: string;
      dispatchId: string;
      to: ActionTo;
      actor: Actor;
      at: number;
    }
  | { type: 'refused'; transitionId: string; dispatchId: string; code: string };

export const emptyInbox: InboxState = { loaded: false, open: {}, closed: [] };

const CLOSED_KEPT = 20;

function without(open: Readonly<Record<string, Item>>, id: string): Record<string, Item> {
  const rest = { ...open };
  delete rest[id];
  return rest;
}

/** Moves an open item to `status`, never backwards; a closing status moves it to `closed`. */
function move(
  state: InboxState,
  id: string,
  status: DispatchStatus,
  extra: Partial<Item>,
): InboxState {
  const item = state.open[id];
  if (!item || dispatchRank(status) < dispatchRank(item.status)) return state;
  const next: Item = { ...item, ...extra, status };
  if (!isDispatchOpen(status)) {
    return {
      ...state,
      open: without(state.open, id),
      closed: [{ ...next, pending: undefined }, ...state.closed].slice(0, CLOSED_KEPT),
    };
  }
  return { ...state, open: { ...state.open, [id]: next } };
}

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'inbox': {
      // The hub's list is the truth after a (re)connect; an action still waiting for its
      // answer stays marked, since it is resent with the same id.
      const open: Record<string, Item> = {};
      for (const d of action.dispatches) {
        const before = state.open[d.dispatchId];
        open[d.dispatchId] = {
          ...before,
          dispatch: d,
          status: d.status,
          pending: before?.pending,
        };
      }
      return { ...state, loaded: true, open };
    }
    case 'new':
      if (state.open[action.dispatch.dispatchId]) return state;
      return {
        ...state,
        open: {
          ...state.open,
          [action.dispatch.dispatchId]: {
            dispatch: action.dispatch,
            status: action.dispatch.status,
          },
        },
      };
    case 'changed': {
      const c = action.change;
      return move(state, c.dispatchId, c.status, {
        note: c.note,
        by: { actor: c.actor, at: c.at },
      });
    }
    case 'reporters': {
      const open: Record<string, Item> = { ...state.open };
      let changed = false;
      for (const [id, item] of Object.entries(state.open)) {
        if (item.dispatch.caseId !== action.caseId) continue;
        open[id] = { ...item, dispatch: { ...item.dispatch, reporters: action.reporters } };
        changed = true;
      }
      return changed ? { ...state, open } : state;
    }
    case 'escalated': {
      const item = state.open[action.dispatchId];
      if (!item) return state;
      const escalation = { note: action.note, at: action.at };
      return {
        ...state,
        open: {
          ...state.open,
          [action.dispatchId]: { ...item, dispatch: { ...item.dispatch, escalation } },
        },
      };
    }
    case 'sending': {
      const item = state.open[action.dispatchId];
      if (!item) return state;
      const pending = { transitionId: action.transitionId, to: action.to };
      return {
        ...state,
        open: { ...state.open, [action.dispatchId]: { ...item, pending, error: undefined } },
      };
    }
    case 'applied': {
      const item = state.open[action.dispatchId];
      if (!item || item.pending?.transitionId !== action.transitionId) {
        return move(state, action.dispatchId, action.to, {});
      }
      return move(state, action.dispatchId, action.to, {
        pending: undefined,
        by: { actor: action.actor, at: action.at },
      });
    }
    case 'refused': {
      const item = state.open[action.dispatchId];
      if (!item || item.pending?.transitionId !== action.transitionId) return state;
      return {
        ...state,
        open: {
          ...state.open,
          [action.dispatchId]: { ...item, pending: undefined, error: action.code },
        },
      };
    }
  }
}

/** Triage order: emergencies first, then the longest waiting first. */
export function triageOrder(open: Readonly<Record<string, Item>>): Item[] {
  return Object.values(open).sort((a, b) => {
    const ua = a.dispatch.case.urgency === 'darurat' ? 0 : 1;
    const ub = b.dispatch.case.urgency === 'darurat' ? 0 : 1;
    return ua - ub || a.dispatch.queuedAt - b.dispatch.queuedAt;
  });
}

/** The actions the hub would accept now; none while one is on its way. */
export function allowedActions(item: Item): ReadonlySet<ActionTo> {
  if (item.pending) return new Set();
  return new Set(LEGAL_TRANSITIONS[item.status] as readonly ActionTo[]);
}
