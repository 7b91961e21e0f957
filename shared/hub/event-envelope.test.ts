import { describe, expect, it } from 'vitest';
import { EventEnvelope, droppedKeys, readHubEvent, type ReadEvent } from './event-envelope';
import { HubEvent } from './messages';

const actor = { id: 'dlh', role: 'opd', person: 'Sari' };
const status = {
  seq: 7,
  type: 'dispatch.status',
  at: 1764296405000,
  actor,
  caseId: '0193f0c1-2b3c-7d4e-8f5a-6b7c8d9e0f1a',
  dispatchId: '0193f0c3-4d5e-7f6a-8b7c-8d9e0f1a2b3c',
  opdId: 'dlh',
  status: 'accepted',
};

describe('reading an event from a possibly newer hub', () => {
  it('reads a known event, naming the fields it dropped', () => {
    const read = readHubEvent({ ...status, eta: 12, actor: { ...actor, badge: 'A-1' } });
    expect(read).toEqual({
      kind: 'event',
      event: status,
      unknownFields: ['actor.badge', 'eta'],
    });
  });

  it('passes over an unknown type, and a known type whose body it cannot read, by seq', () => {
    expect(readHubEvent({ ...status, type: 'case.escalated' })).toEqual({
      kind: 'pass',
      seq: 7,
      type: 'case.escalated',
      reason: 'unknown type',
    });
    expect(readHubEvent({ ...status, status: 'escalated' })).toMatchObject({
      kind: 'pass',
      seq: 7,
      reason: 'unreadable body',
    });
  });

  it('cannot place an event without a seq', () => {
    expect(readHubEvent({ ...status, seq: undefined })).toMatchObject({ kind: 'malformed' });
    expect(readHubEvent('event')).toMatchObject({ kind: 'malformed' });
  });
});

/** The envelope read first, then the body: what the body-first reading must always match. */
function envelopeFirst(raw: unknown): ReadEvent {
  const envelope = EventEnvelope.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return { kind: 'malformed', reason: `${issue?.path.join('.') || 'event'}: ${issue?.message}` };
  }
  const { seq, type } = envelope.data;
  const known = HubEvent.options.some((o) => o.shape.type.value === type);
  if (!known) return { kind: 'pass', seq, type, reason: 'unknown type' };
  const body = HubEvent.safeParse(raw);
  if (!body.success) return { kind: 'pass', seq, type, reason: 'unreadable body' };
  return { kind: 'event', event: body.data, unknownFields: droppedKeys(raw, body.data) };
}

describe('reading the body first', () => {
  const variants: unknown[] = [
    status,
    { ...status, eta: 12 },
    { ...status, seq: 0 },
    { ...status, seq: -3 },
    { ...status, seq: 1.5 },
    { ...status, seq: '7' },
    { ...status, seq: undefined },
    { ...status, at: -1 },
    { ...status, at: 'now' },
    { ...status, at: undefined },
    { ...status, type: '' },
    { ...status, type: 'x'.repeat(65) },
    { ...status, type: 'case.escalated' },
    { ...status, type: 7 },
    { ...status, type: 'case.claimed' },
    { ...status, status: 'escalated' },
    { ...status, actor: { ...actor, role: 'robot' } },
    { ...status, caseId: 'not-a-uuid' },
    { seq: 9, type: 'call.logged', at: 1764296405000 },
    null,
    [],
    'event',
    42,
  ];

  it.each(variants.map((v) => [JSON.stringify(v), v]))(
    'reads %s as reading the envelope first would',
    (_label, raw) => {
      expect(readHubEvent(raw)).toEqual(envelopeFirst(raw));
    },
  );
});
