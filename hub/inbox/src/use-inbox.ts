/**
 * The signed-in inbox: the hub link, the queue state it feeds, and the clerk's actions.
 * A refused handshake ends the session (the page goes back to sign-in with the reason).
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { HelloAck } from '../../../shared/hub/protocol';
import { connectHub, type HubLink, type LinkState } from './hub-link';
import { emptyInbox, inboxReducer, type ActionTo } from './inbox-state';
import { saveSession, type Session } from './session';

export function useInbox(session: Session, onRefused: (code: string) => void) {
  const [state, dispatch] = useReducer(inboxReducer, emptyInbox);
  const [link, setLink] = useState<LinkState>('connecting');
  const [identity, setIdentity] = useState<HelloAck['identity']>();
  const [arrival, setArrival] = useState<{ categoryId?: string | undefined; n: number }>({ n: 0 });
  const linkRef = useRef<HubLink | undefined>(undefined);
  const refusedRef = useRef(onRefused);
  useEffect(() => {
    refusedRef.current = onRefused;
  }, [onRefused]);

  useEffect(() => {
    const hub = connectHub(session.token, {
      state: (s, detail) => {
        setLink(s);
        if (s === 'refused') refusedRef.current(detail ?? 'auth.unknown_token');
      },
      identity: (i) => {
        setIdentity(i);
        // Kept for reloads of this tab only once the hub has accepted the token.
        saveSession(session);
      },
      inbox: (dispatches) => dispatch({ type: 'inbox', dispatches }),
      arrived: (d) => {
        dispatch({ type: 'new', dispatch: d });
        setArrival((a) => ({ categoryId: d.case.categoryId, n: a.n + 1 }));
      },
      changed: (change) => dispatch({ type: 'changed', change }),
      reporters: (r) => dispatch({ type: 'reporters', ...r }),
      escalated: (e) =>
        dispatch({ type: 'escalated', dispatchId: e.dispatchId, note: e.note, at: e.at }),
      applied: (t) => dispatch({ type: 'applied', ...t }),
      refused: (t) => dispatch({ type: 'refused', ...t }),
    });
    linkRef.current = hub;
    return () => {
      hub.close();
      linkRef.current = undefined;
    };
  }, [session]);

  const person = session.person.trim() || identity?.person || `Petugas ${identity?.id ?? 'OPD'}`;

  const act = useCallback(
    (dispatchId: string, to: ActionTo, note: string) => {
      const hub = linkRef.current;
      if (!hub) return;
      const transitionId = hub.transition(dispatchId, to, note, person);
      dispatch({ type: 'sending', dispatchId, transitionId, to });
    },
    [person],
  );

  return { state, link, identity, person, act, arrival };
}
