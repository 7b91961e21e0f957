import { describe, expect, it } from 'vitest';
import { caseStatusFrom } from './dispatch';

describe('case status from its dispatches', () => {
  it('follows the dispatches', () => {
    expect(caseStatusFrom('new', [])).toBe('new');
    expect(caseStatusFrom('new', ['waiting'])).toBe('dispatch_pending');
    expect(caseStatusFrom('new', ['at_hub', 'waiting'])).toBe('dispatch_pending');
    expect(caseStatusFrom('new', ['at_hub', 'seen'])).toBe('dispatched');
    expect(caseStatusFrom('new', ['accepted', 'seen'])).toBe('accepted');
    expect(caseStatusFrom('new', ['in_progress', 'accepted'])).toBe('in_progress');
    expect(caseStatusFrom('new', ['resolved', 'accepted'])).toBe('in_progress');
    expect(caseStatusFrom('new', ['resolved', 'resolved'])).toBe('resolved');
  });

  it('sends a case back to triage only when every agency returned it', () => {
    expect(caseStatusFrom('dispatched', ['returned'])).toBe('returned');
    expect(caseStatusFrom('dispatched', ['returned', 'accepted'])).toBe('accepted');
    expect(caseStatusFrom('dispatched', ['returned', 'resolved'])).toBe('resolved');
  });

  it('keeps a refused dispatch pending until someone acts, and never reopens a cancelled case', () => {
    expect(caseStatusFrom('new', ['refused', 'accepted'])).toBe('dispatch_pending');
    expect(caseStatusFrom('cancelled', ['accepted'])).toBe('cancelled');
    expect(caseStatusFrom('dispatched', ['withdrawn'])).toBe('dispatched');
  });
});

describe('Telepon OPD', () => {
  const t0 = Date.UTC(2026, 10, 28, 1, 0, 0);
  const min = 60_000;
  it('asks for a call when a dispatch is refused, unsent after 2 minutes, or unaccepted after 5', async () => {
    const { needsCall } = await import('./dispatch');
    expect(needsCall({ status: 'refused', createdAt: t0 }, t0)).toBe(true);
    expect(needsCall({ status: 'waiting', createdAt: t0 }, t0 + 2 * min)).toBe(false);
    expect(needsCall({ status: 'waiting', createdAt: t0 }, t0 + 2 * min + 1)).toBe(true);
    expect(needsCall({ status: 'seen', createdAt: t0 }, t0 + 5 * min)).toBe(false);
    expect(needsCall({ status: 'seen', createdAt: t0 }, t0 + 5 * min + 1)).toBe(true);
    expect(needsCall({ status: 'accepted', createdAt: t0 }, t0 + 60 * min)).toBe(false);
  });

  it('goes quiet once someone phoned the OPD, and asks again if it still has not accepted', async () => {
    const { needsCall } = await import('./dispatch');
    const calledAt = t0 + 6 * min;
    expect(needsCall({ status: 'refused', createdAt: t0, calledAt }, t0 + 60 * min)).toBe(false);
    expect(needsCall({ status: 'seen', createdAt: t0, calledAt }, t0 + 11 * min)).toBe(false);
    expect(needsCall({ status: 'seen', createdAt: t0, calledAt }, t0 + 11 * min + 1)).toBe(true);
  });
});
