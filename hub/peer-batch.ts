/**
 * `batch` on /desk (shared/hub/batch.ts): each of its messages goes to the group commit as
 * if it had come alone, in order, through the same handler; the batch is answered once the
 * last of them is. A batch of the wrong shape is refused whole and applies nothing.
 */
import { Batch, BATCHABLE } from '../shared/hub/batch';
import type { HubAck } from '../shared/hub/messages';
import type { ReadAheadHint } from './group-commit';
import { nameForLog, refusal, type Handler } from './peer-packet';

/** Hands one message to the group commit, as bindPeer does every message. */
export type Submit = (
  apply: () => HubAck<object>,
  label: string,
  ack: ((answer: HubAck<object>) => void) | undefined,
  hint?: ReadAheadHint,
) => void;

export function applyBatch(
  payload: unknown,
  ack: (answer: HubAck<object>) => void,
  o: {
    /** The namespace's handlers, by message name. */
    handlers: Readonly<Record<string, Handler>>;
    submit: Submit;
    /** What a message tells the group before it is applied (group-commit.ts). */
    hint: (name: string, payload: unknown) => ReadAheadHint | undefined;
    nsp: string;
  },
): void {
  const read = Batch.safeParse(payload);
  if (!read.success) {
    const issue = read.error.issues[0];
    const why = `batch.${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}`;
    return o.submit(() => refusal('protocol.invalid', why), 'batch', ack);
  }
  const { messages } = read.data;
  const answers: Array<HubAck<object>> = [];
  let left = messages.length;
  messages.forEach(({ name, payload: inner }, i) => {
    const handler =
      BATCHABLE.has(name) && Object.hasOwn(o.handlers, name) ? o.handlers[name] : undefined;
    const label = nameForLog(name);
    o.submit(
      () =>
        handler
          ? handler(inner)
          : refusal('protocol.invalid', `"${label}" is not sent in a batch on ${o.nsp}`),
      label,
      (answer) => {
        answers[i] = answer;
        if (--left > 0) return;
        const all: HubAck<{ answers: unknown[] }> = { ok: true, answers };
        ack(all);
      },
      handler ? o.hint(name, inner) : undefined,
    );
  });
}
