import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { fieldErrors } from '../api/errors';
import { DraftForm, emptyIntakeForm, IntakeForm, IntakeSave, LIMITS } from './intake';

const form = (over: Partial<IntakeForm> = {}): IntakeForm => ({
  ...emptyIntakeForm(),
  callerNumber: '0812 3456 7890',
  categoryId: 'pohon-tumbang',
  description: 'Pohon tumbang',
  kecamatanId: 'taman',
  kelurahanId: 'kejuron',
  ...over,
});

describe('intake limits', () => {
  it('refuses over-long text field by field and never shortens it', () => {
    const long = 'x'.repeat(20_000);
    const r = IntakeForm.safeParse(
      form({ description: long, address: 'a'.repeat(LIMITS.address + 1) }),
    );
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toMatchObject({
      description: 'intake.too_long',
      address: 'intake.too_long',
    });
    const atLimit = IntakeForm.parse(form({ description: 'y'.repeat(LIMITS.description) }));
    expect(atLimit.description).toHaveLength(LIMITS.description);
  });

  it('keeps a 20,000-character paste whole in a draft', () => {
    const long = 'z'.repeat(20_000);
    expect(DraftForm.parse({ description: long }).description).toBe(long);
  });

  it('takes up to five different OPDs to send a saved call to', () => {
    const base = { callId: uuidv7(), startedAt: Date.now(), form: form() };
    expect(IntakeSave.safeParse({ ...base, dispatchTo: ['dlh', 'dishub'] }).success).toBe(true);
    expect(IntakeSave.safeParse({ ...base, dispatchTo: ['dlh', 'dlh'] }).success).toBe(false);
    expect(
      IntakeSave.safeParse({ ...base, dispatchTo: ['a', 'b', 'c', 'd', 'e', 'f'] }).success,
    ).toBe(false);
  });
});
