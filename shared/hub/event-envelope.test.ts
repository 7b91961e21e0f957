import { describe, expect, it } from 'vitest';
import { readHubEvent } from './event-envelope';

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
