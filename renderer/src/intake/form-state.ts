/**
 * The intake panel's state as a pure reducer: the call being typed, the calls and the case
 * put aside when a new call rang (never discarded), what the last save said, and where the
 * cursor goes next. No effects here: the hook (use-intake.ts) talks to the console.
 */
import type { ApiError } from '../../../shared/api/errors';
import { emptyIntakeForm, type Draft, type IntakeForm } from '../../../shared/domain/intake';
import type { CallbackOutcome, ScreenDisposition, Tick } from '../../../shared/domain/screening';
import type { SentCase } from '../case/DispatchProgress';

/** One call on the operator's screen, typed or waiting aside. */
export interface Call {
  callId: string;
  startedAt: number;
  form: IntakeForm;
  categoryText: string;
  kecamatanText: string;
  kelurahanText: string;
  /** Once the operator picks an urgency, a category change no longer overrides it. */
  urgencyTouched: boolean;
  /** The OPDs ticked by hand; null follows the routing table's suggestion. */
  picked: string[] | null;
  /** What the operator hears during the call (laughter, children, abuse, no voice). */
  ticks: Tick[];
  /** A short note kept with the call when it is screened out. */
  screenNote: string;
  /** The silent call this call returned (a genuine caller, called back). */
  callbackOf: string | null;
}

export type CallPatch = Partial<Omit<Call, 'form' | 'callId' | 'startedAt'>> & {
  form?: Partial<IntakeForm>;
};

export type AsideItem = { kind: 'draft'; call: Call } | { kind: 'case'; caseId: string };

export type Notice =
  /** `sent`: the dispatches Alt+K queued with the call, followed live; null for a plain save. */
  | { kind: 'saved'; at: number; sent: SentCase | null }
  | { kind: 'abandoned' }
  /** A call ended with a disposition key: stored, no case. */
  | { kind: 'screened'; disposition: ScreenDisposition }
  | { kind: 'callback'; outcome: CallbackOutcome }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'invalid'; fields: string[] };

/** Fields the cursor may be sent to, by their `data-field` name. */
export type FieldName = 'callerNumber' | 'callerName' | 'description';

export interface IntakeState {
  current: Call | null;
  /** Newest first. */
  aside: AsideItem[];
  /** Drafts found at sign-in are offered back until the operator acts. */
  offer: boolean;
  trayOpen: boolean;
  errors: Record<string, string>;
  notice: Notice | null;
  armedEsc: boolean;
  /** Esc Esc on a call with a number: which disposition? (the call is not dropped) */
  asking: boolean;
  /** The last silent call with a number, waiting for its callback's outcome. */
  callback: { callId: string; number: string } | null;
  /** Bumped on every request so the same field can be asked for twice. */
  focus: { field: FieldName; seq: number } | null;
}

export type Action =
  | { type: 'newCall'; callId: string; now: number }
  | { type: 'update'; patch: CallPatch }
  | { type: 'withheld'; on?: boolean }
  | { type: 'draftsLoaded'; calls: Call[] }
  | { type: 'resume'; callId: string }
  | { type: 'dropAside'; callId: string }
  | { type: 'caseAside'; caseId: string }
  | { type: 'caseReopened'; caseId: string }
  | { type: 'tray'; open: boolean }
  | { type: 'escape' }
  | { type: 'tick'; tick: Tick }
  | {
      type: 'screened';
      callId: string;
      disposition: ScreenDisposition;
      callbackNumber: string | null;
    }
  | { type: 'callbackRecorded'; callId: string; outcome: CallbackOutcome }
  /** The silent caller proved genuine: a new call for them, linked to the silent one. */
  | { type: 'callbackCall'; callId: string; now: number; number: string; callbackOf: string }
  | { type: 'otherKey' }
  | { type: 'invalid'; errors: Record<string, string> }
  | { type: 'saved'; callId: string; at: number; sent: SentCase | null }
  | { type: 'saveFailed'; callId: string; error: ApiError };

export const initialState: IntakeState = {
  current: null,
  aside: [],
  offer: false,
  trayOpen: false,
  errors: {},
  notice: null,
  armedEsc: false,
  asking: false,
  callback: null,
  focus: null,
};

export function newCall(callId: string, startedAt: number): Call {
  return {
    callId,
    startedAt,
    form: emptyIntakeForm(),
    categoryText: '',
    kecamatanText: '',
    kelurahanText: '',
    urgencyTouched: false,
    picked: null,
    ticks: [],
    screenNote: '',
    callbackOf: null,
  };
}

/** A number was typed or marked withheld: someone answered, so the call is not dropped. */
export function hasNumber(call: Call): boolean {
  return call.form.withheld || call.form.callerNumber.trim() !== '';
}

/** Nothing typed yet: such a call is not worth keeping aside. */
export function isBlank(call: Call): boolean {
  const empty = emptyIntakeForm();
  return (
    (Object.keys(empty) as Array<keyof IntakeForm>).every((k) => call.form[k] === empty[k]) &&
    !call.categoryText &&
    !call.kecamatanText &&
    !call.kelurahanText
  );
}

/** A draft as the store keeps it (the typed texts of the type-ahead fields too). */
export function draftOf(call: Call): Pick<Draft, 'callId' | 'startedAt' | 'form'> {
  return {
    callId: call.callId,
    startedAt: call.startedAt,
    form: { ...call.form, categoryText: call.categoryText, kelurahanText: call.kelurahanText },
  };
}

export function callFromDraft(draft: Draft, kecamatanName: (id: string) => string): Call {
  const { categoryText, kelurahanText, ...rest } = draft.form;
  const empty = emptyIntakeForm();
  const form = { ...empty };
  for (const key of Object.keys(empty) as Array<keyof IntakeForm>) {
    if (rest[key] !== undefined) (form as Record<string, unknown>)[key] = rest[key];
  }
  return {
    ...newCall(draft.callId, draft.startedAt),
    form,
    categoryText: categoryText ?? '',
    kecamatanText: form.kecamatanId ? kecamatanName(form.kecamatanId) : '',
    kelurahanText: kelurahanText ?? '',
  };
}

const focusOn = (s: IntakeState, field: FieldName): IntakeState['focus'] => ({
  field,
  seq: (s.focus?.seq ?? 0) + 1,
});

/** The call being typed goes aside (first in line) unless nothing was typed in it. */
const setAside = (s: IntakeState): AsideItem[] =>
  s.current && !isBlank(s.current) ? [{ kind: 'draft', call: s.current }, ...s.aside] : s.aside;

const isCall = (callId: string) => (item: AsideItem) =>
  item.kind === 'draft' && item.call.callId === callId;

export function intakeReducer(s: IntakeState, a: Action): IntakeState {
  switch (a.type) {
    case 'newCall':
      // A ringing call comes first: whatever was typed or offered waits aside.
      return {
        ...s,
        current: newCall(a.callId, a.now),
        aside: setAside(s),
        offer: false,
        trayOpen: false,
        errors: {},
        notice: null,
        armedEsc: false,
        asking: false,
        focus: focusOn(s, 'callerNumber'),
      };
    case 'callbackCall':
      // Like F2, with the number known: whatever was typed waits aside.
      return {
        ...s,
        current: {
          ...newCall(a.callId, a.now),
          form: { ...emptyIntakeForm(), callerNumber: a.number },
          callbackOf: a.callbackOf,
        },
        aside: setAside(s),
        offer: false,
        trayOpen: false,
        errors: {},
        notice: { kind: 'callback', outcome: 'genuine' },
        armedEsc: false,
        asking: false,
        callback: null,
        focus: focusOn(s, 'callerName'),
      };
    case 'update': {
      if (!s.current) return s;
      const { form, ...rest } = a.patch;
      return { ...s, current: { ...s.current, ...rest, form: { ...s.current.form, ...form } } };
    }
    case 'withheld': {
      if (!s.current) return s;
      const on = a.on ?? !s.current.form.withheld;
      return {
        ...s,
        current: { ...s.current, form: { ...s.current.form, withheld: on, callerNumber: '' } },
        errors: { ...s.errors, callerNumber: '' },
        // The number field is disabled while withheld: the cursor moves on, never lost.
        focus: focusOn(s, on ? 'callerName' : 'callerNumber'),
      };
    }
    case 'draftsLoaded': {
      const known = new Set([
        s.current?.callId,
        ...s.aside.map((i) => (i.kind === 'draft' ? i.call.callId : i.caseId)),
      ]);
      const fresh = a.calls.filter((c) => !known.has(c.callId));
      if (fresh.length === 0) return s;
      return {
        ...s,
        aside: [...s.aside, ...fresh.map((call) => ({ kind: 'draft' as const, call }))],
        offer: s.current === null,
      };
    }
    case 'resume': {
      const item = s.aside.find(isCall(a.callId));
      if (!item || item.kind !== 'draft') return s;
      return {
        ...s,
        current: item.call,
        aside: setAside({ ...s, aside: s.aside.filter((i) => i !== item) }),
        offer: false,
        trayOpen: false,
        errors: {},
        notice: null,
        armedEsc: false,
        asking: false,
        focus: focusOn(s, 'callerNumber'),
      };
    }
    case 'dropAside': {
      const aside = s.aside.filter((i) => !isCall(a.callId)(i));
      return { ...s, aside, offer: s.offer && aside.length > 0 };
    }
    case 'caseAside':
      if (s.aside.some((i) => i.kind === 'case' && i.caseId === a.caseId)) return s;
      return { ...s, aside: [{ kind: 'case', caseId: a.caseId }, ...s.aside] };
    case 'caseReopened':
      return {
        ...s,
        aside: s.aside.filter((i) => !(i.kind === 'case' && i.caseId === a.caseId)),
        trayOpen: false,
      };
    case 'tray':
      return { ...s, trayOpen: a.open && s.aside.length > 0 };
    case 'escape':
      if (!s.current) return s;
      // Asked which disposition: Esc goes back to the call, which stays as it was.
      if (s.asking) return { ...s, asking: false, armedEsc: false };
      if (!s.armedEsc) return { ...s, armedEsc: true };
      // An answered call is never lost: with a number it is ended by a disposition.
      if (hasNumber(s.current)) return { ...s, armedEsc: false, asking: true };
      return { ...s, current: null, armedEsc: false, errors: {}, notice: { kind: 'abandoned' } };
    case 'otherKey':
      return s.armedEsc ? { ...s, armedEsc: false } : s;
    case 'tick': {
      if (!s.current) return s;
      const on = s.current.ticks.includes(a.tick);
      const ticks = on ? s.current.ticks.filter((t) => t !== a.tick) : [...s.current.ticks, a.tick];
      return { ...s, current: { ...s.current, ticks } };
    }
    case 'screened': {
      const notice: Notice = { kind: 'screened', disposition: a.disposition };
      const callback = a.callbackNumber
        ? { callId: a.callId, number: a.callbackNumber }
        : s.callback;
      if (s.current?.callId === a.callId) {
        return {
          ...s,
          current: null,
          errors: {},
          notice,
          armedEsc: false,
          asking: false,
          callback,
        };
      }
      return { ...s, aside: s.aside.filter((i) => !isCall(a.callId)(i)), notice, callback };
    }
    case 'callbackRecorded':
      return {
        ...s,
        callback: s.callback?.callId === a.callId ? null : s.callback,
        notice: { kind: 'callback', outcome: a.outcome },
      };
    case 'invalid':
      return {
        ...s,
        errors: a.errors,
        notice: { kind: 'invalid', fields: Object.keys(a.errors) },
      };
    case 'saved': {
      const notice: Notice = { kind: 'saved', at: a.at, sent: a.sent };
      if (s.current?.callId === a.callId) {
        return { ...s, current: null, errors: {}, notice, armedEsc: false, asking: false };
      }
      // Saved while another call had rung in: it leaves the aside list, and says so.
      return { ...s, aside: s.aside.filter((i) => !isCall(a.callId)(i)), notice };
    }
    case 'saveFailed':
      // The call stays on screen (and a draft on disk); the refusal sits by the save button.
      if (s.current?.callId !== a.callId) return s;
      return {
        ...s,
        errors: byField(a.error.fields),
        notice: { kind: 'failed', error: a.error },
      };
  }
}

/** Server paths are `form.x` (schema) or `x` (reference checks); the form knows `x`. */
export const byField = (fields: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k.replace(/^form\./, ''), v]));
