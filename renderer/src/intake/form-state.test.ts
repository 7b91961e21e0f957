import { describe, expect, it } from 'vitest';
import type { Draft } from '../../../shared/domain/intake';
import {
  callFromDraft,
  draftOf,
  initialState,
  intakeReducer,
  isBlank,
  type Action,
  type IntakeState,
} from './form-state';

const run = (...actions: Action[]): IntakeState => actions.reduce(intakeReducer, initialState);
const typed = (description: string): Action => ({
  type: 'update',
  patch: { form: { description } },
});
const callIds = (s: IntakeState) =>
  s.aside.map((i) => (i.kind === 'draft' ? i.call.callId : `case:${i.caseId}`));

describe('the intake reducer', () => {
  it('starts a call with the cursor in its number field', () => {
    const s = run({ type: 'newCall', callId: 'a', now: 1000 });
    expect(s.current).toMatchObject({ callId: 'a', startedAt: 1000, form: { callerNumber: '' } });
    expect(s.focus).toEqual({ field: 'callerNumber', seq: 1 });
  });

  it('puts the call being typed aside when a new one rings, and brings it back whole', () => {
    let s = run({ type: 'newCall', callId: 'fire', now: 1 }, typed('Kebakaran gudang di'));
    s = intakeReducer(s, { type: 'newCall', callId: 'next', now: 2 });
    expect(s.current?.callId).toBe('next');
    expect(callIds(s)).toEqual(['fire']);
    // F2 always moves the cursor, even when it was already asked for the number field.
    expect(s.focus?.field).toBe('callerNumber');

    s = intakeReducer(s, typed('Lampu mati'));
    s = intakeReducer(s, { type: 'resume', callId: 'fire' });
    expect(s.current).toMatchObject({
      callId: 'fire',
      form: { description: 'Kebakaran gudang di' },
    });
    // The call that was on screen waits aside in its turn: nothing is dropped.
    expect(callIds(s)).toEqual(['next']);
  });

  it('does not keep a call aside in which nothing was typed', () => {
    const s = run(
      { type: 'newCall', callId: 'a', now: 1 },
      { type: 'newCall', callId: 'b', now: 2 },
    );
    expect(s.aside).toEqual([]);
  });

  it('keeps a draft offered after sign-in when F2 is pressed over it', () => {
    const draft: Draft = {
      callId: 'old',
      startedAt: 5,
      savedAt: 6,
      form: {
        description: 'Banjir setinggi lutut',
        kecamatanId: 'taman',
        kelurahanText: 'Kejuron',
      },
    };
    let s = run({ type: 'draftsLoaded', calls: [callFromDraft(draft, () => 'Taman')] });
    expect(s.offer).toBe(true);
    s = intakeReducer(s, { type: 'newCall', callId: 'new', now: 7 });
    expect(s.offer).toBe(false);
    expect(s.aside).toMatchObject([
      {
        kind: 'draft',
        call: {
          callId: 'old',
          kecamatanText: 'Taman',
          kelurahanText: 'Kejuron',
          form: { description: 'Banjir setinggi lutut' },
        },
      },
    ]);
    // Loading the same drafts again (a reconnect) adds nothing twice.
    expect(
      intakeReducer(s, {
        type: 'draftsLoaded',
        calls: [s.aside[0]!.kind === 'draft' ? s.aside[0]!.call : s.current!],
      }),
    ).toBe(s);
  });

  it('lists an open case aside once, and forgets it when it is opened again', () => {
    let s = run({ type: 'caseAside', caseId: 'c1' }, { type: 'caseAside', caseId: 'c1' });
    expect(callIds(s)).toEqual(['case:c1']);
    s = intakeReducer(s, { type: 'tray', open: true });
    expect(s.trayOpen).toBe(true);
    s = intakeReducer(s, { type: 'caseReopened', caseId: 'c1' });
    expect(s.aside).toEqual([]);
    expect(intakeReducer(s, { type: 'tray', open: true }).trayOpen).toBe(false);
  });

  it('moves the cursor off the number field when the number is withheld, and back', () => {
    let s = run(
      { type: 'newCall', callId: 'a', now: 1 },
      { type: 'update', patch: { form: { callerNumber: '0812' } } },
    );
    s = intakeReducer(s, { type: 'withheld' });
    expect(s.current?.form).toMatchObject({ withheld: true, callerNumber: '' });
    expect(s.focus?.field).toBe('callerName');
    s = intakeReducer(s, { type: 'withheld' });
    expect(s.current?.form.withheld).toBe(false);
    expect(s.focus?.field).toBe('callerNumber');
  });

  it('keeps the call on screen after a refused save, with the reason and its fields', () => {
    let s = run({ type: 'newCall', callId: 'a', now: 1 }, typed('Pohon tumbang'));
    s = intakeReducer(s, {
      type: 'saveFailed',
      callId: 'a',
      error: { code: 'auth.required', message: 'Sign in first.' },
    });
    expect(s.current?.form.description).toBe('Pohon tumbang');
    expect(s.notice).toEqual({
      kind: 'failed',
      error: { code: 'auth.required', message: 'Sign in first.' },
    });
    s = intakeReducer(s, {
      type: 'saveFailed',
      callId: 'a',
      error: {
        code: 'api.invalid_args',
        message: '',
        fields: { 'form.description': 'intake.too_long' },
      },
    });
    expect(s.errors).toEqual({ description: 'intake.too_long' });
  });

  it('closes the saved call, or takes a saved call out of the aside list', () => {
    let s = run({ type: 'newCall', callId: 'a', now: 1 }, typed('satu'));
    const sent = {
      caseId: 'c',
      dispatches: [{ dispatchId: 'd', opdId: 'dlh', status: 'waiting' as const }],
    };
    s = intakeReducer(s, { type: 'saved', callId: 'a', at: 9, sent });
    expect(s.current).toBeNull();
    expect(s.notice).toEqual({ kind: 'saved', at: 9, sent });

    // Saved while a new call rang in (F2 during the save): the new call stays on screen.
    s = run({ type: 'newCall', callId: 'a', now: 1 }, typed('satu'), {
      type: 'newCall',
      callId: 'b',
      now: 2,
    });
    s = intakeReducer(s, { type: 'saved', callId: 'a', at: 9, sent: null });
    expect(s.current?.callId).toBe('b');
    expect(s.aside).toEqual([]);
  });

  it('asks for the disposition of a call with a number on Esc Esc, and drops nothing', () => {
    const number: Action = { type: 'update', patch: { form: { callerNumber: '0812 1111 2222' } } };
    let s = run({ type: 'newCall', callId: 'a', now: 1 }, number, { type: 'escape' });
    s = intakeReducer(s, { type: 'escape' });
    expect(s.asking).toBe(true);
    expect(s.current?.form.callerNumber).toBe('0812 1111 2222');
    expect(s.notice).toBeNull();
    // Esc once more goes back to the call as it was.
    s = intakeReducer(s, { type: 'escape' });
    expect(s.asking).toBe(false);
    expect(s.current?.callId).toBe('a');
    // A withheld number was answered too.
    s = run({ type: 'newCall', callId: 'b', now: 1 }, { type: 'withheld' });
    s = intakeReducer(intakeReducer(s, { type: 'escape' }), { type: 'escape' });
    expect(s.asking).toBe(true);
    expect(s.current?.callId).toBe('b');
  });

  it('clears the form after a disposition, says which, and offers a silent call back', () => {
    let s = run(
      { type: 'newCall', callId: 'a', now: 1 },
      { type: 'tick', tick: 'laughter' },
      { type: 'tick', tick: 'children' },
      { type: 'tick', tick: 'laughter' },
    );
    expect(s.current?.ticks).toEqual(['children']);
    s = intakeReducer(s, { type: 'escape' });
    s = intakeReducer(s, { type: 'escape' });
    s = intakeReducer(s, {
      type: 'screened',
      callId: 'a',
      disposition: 'prank',
      callbackNumber: null,
    });
    expect(s).toMatchObject({
      current: null,
      armedEsc: false,
      asking: false,
      callback: null,
      notice: { kind: 'screened', disposition: 'prank' },
    });

    s = run(
      { type: 'newCall', callId: 'quiet', now: 1 },
      {
        type: 'screened',
        callId: 'quiet',
        disposition: 'silent',
        callbackNumber: '+6281211112222',
      },
    );
    expect(s.callback).toEqual({ callId: 'quiet', number: '+6281211112222' });
    // A new call does not drop the offer; recording its outcome does.
    s = intakeReducer(s, { type: 'newCall', callId: 'next', now: 2 });
    expect(s.callback?.callId).toBe('quiet');
    s = intakeReducer(s, { type: 'callbackRecorded', callId: 'quiet', outcome: 'no_answer' });
    expect(s.callback).toBeNull();
    expect(s.notice).toEqual({ kind: 'callback', outcome: 'no_answer' });
    expect(s.current?.callId).toBe('next');
  });

  it('turns a genuine callback into a new call for that number, linked to the silent call', () => {
    let s = run(
      { type: 'newCall', callId: 'quiet', now: 1 },
      {
        type: 'screened',
        callId: 'quiet',
        disposition: 'silent',
        callbackNumber: '+6281211112222',
      },
      { type: 'newCall', callId: 'typing', now: 2 },
      typed('Lampu jalan mati'),
    );
    s = intakeReducer(s, {
      type: 'callbackCall',
      callId: 'back',
      now: 3,
      number: '+6281211112222',
      callbackOf: 'quiet',
    });
    expect(s.current).toMatchObject({
      callId: 'back',
      startedAt: 3,
      callbackOf: 'quiet',
      form: { callerNumber: '+6281211112222' },
    });
    expect(s.callback).toBeNull();
    // The call that was being typed waits aside, as with F2.
    expect(callIds(s)).toEqual(['typing']);
  });

  it('abandons a call only on a second Esc in a row', () => {
    let s = run({ type: 'newCall', callId: 'a', now: 1 }, { type: 'escape' });
    expect(s.current).not.toBeNull();
    s = intakeReducer(s, { type: 'otherKey' });
    s = intakeReducer(s, { type: 'escape' });
    expect(s.current).not.toBeNull();
    s = intakeReducer(s, { type: 'escape' });
    expect(s.current).toBeNull();
    expect(s.notice).toEqual({ kind: 'abandoned' });
  });

  it('writes a draft that reads back as the same call', () => {
    const s = run(
      { type: 'newCall', callId: 'a', now: 1 },
      {
        type: 'update',
        patch: {
          categoryText: 'Pohon',
          kelurahanText: 'Kej',
          form: { description: 'x', urgency: 'darurat' },
        },
      },
    );
    const call = s.current!;
    expect(isBlank(call)).toBe(false);
    const back = callFromDraft({ ...draftOf(call), savedAt: 2 }, () => '');
    expect(back).toEqual(call);
  });
});
