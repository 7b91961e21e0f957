/**
 * Where a case's new dispatches are, in one line that follows them live: "menunggu dikirim
 * ke DLH" while they wait in this desk's outbox (the hub is away or has not answered yet),
 * "Dikirim ke DLH" only once the hub holds them, and a refusal as a refusal.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskDispatchStatus } from '../../../shared/domain/dispatch';
import { deskStage as stageOf, type DeskStage as Stage } from '../../../shared/domain/lifecycle';
import { useClient } from '../api/client-context';
import { useReference } from '../reference/reference-context';

/** A case and the dispatches one send made, as the dispatch call answered (`waiting`). */
export interface SentCase {
  caseId: string;
  dispatches: ReadonlyArray<{ dispatchId: string; opdId: string; status: DeskDispatchStatus }>;
}

/** Nothing when nothing was sent. */
export function DispatchProgress({ sent }: { sent: SentCase | undefined }) {
  const { t } = useTranslation();
  const client = useClient();
  const ref = useReference();
  // Statuses read from the store, for the send they were read for.
  const [read, setRead] = useState<{ of: SentCase; dispatches: SentCase['dispatches'] }>();
  const current = (read?.of === sent ? read?.dispatches : sent?.dispatches) ?? [];

  useEffect(() => {
    if (!sent) return;
    const { caseId } = sent;
    const ids = new Set(sent.dispatches.map((d) => d.dispatchId));
    let live = true;
    const load = () =>
      void client['case.get']({ caseId }).then((r) => {
        if (live && r.ok)
          setRead({
            of: sent,
            dispatches: r.value.dispatches.filter((d) => ids.has(d.dispatchId)),
          });
      });
    load();
    const off = client.subscribe('queue.changed', (e) => {
      if (e.caseId === caseId) load();
    });
    return () => {
      live = false;
      off();
    };
  }, [client, sent]);

  const short = (id: string) => ref.opds.find((o) => o.id === id)?.short ?? id;
  const stages: Stage[] = ['refused', 'waiting', 'sent'];
  const lines = stages
    .map((stage) => ({
      stage,
      opds: current.filter((d) => stageOf(d.status) === stage).map((d) => short(d.opdId)),
    }))
    .filter((l) => l.opds.length > 0)
    .map((l) => t(`dispatch.progress.${l.stage}`, { opds: l.opds.join(', ') }));
  return <span className="dispatch-progress">{lines.join(' ')}</span>;
}
