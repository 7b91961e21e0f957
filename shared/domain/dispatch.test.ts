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
