/**
 * A text field with a length limit that never cuts what was typed or pasted: a counter
 * appears near the limit, text over it is kept and flagged (saving then refuses it, by the
 * field), and a change beyond what a draft can hold is refused with a notice.
 */
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';

/** The counter shows from this share of the limit on. */
const NEAR = 0.8;

interface Props {
  label: string;
  /** The field's name (`data-field`), so the form can send the cursor to it. */
  name: string;
  value: string;
  /** What a save accepts. */
  limit: number;
  /** What a draft keeps; a longer change is refused. */
  keep: number;
  error: string | undefined;
  hint?: string;
  multiline?: boolean;
  disabled?: boolean;
  type?: 'tel' | 'text';
  /** Enter passes over it: typed only on purpose (the screening note). */
  skipWalk?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onChange(value: string): void;
}

export function LimitedText(p: Props) {
  const { t, i18n } = useTranslation();
  const [refused, setRefused] = useState<number>();
  const n = (v: number) => v.toLocaleString(i18n.language === 'en' ? 'en-US' : 'id-ID');
  const length = p.value.length;
  const over = length > p.limit;
  const change = (value: string) => {
    if (value.length > p.keep) {
      setRefused(value.length);
      return;
    }
    setRefused(undefined);
    p.onChange(value);
  };
  const note =
    refused !== undefined ? (
      <span role="alert" className="field-error">
        {t('intake.refusedText', { n: n(refused), max: n(p.limit) })}
      </span>
    ) : over ? (
      <span role="alert" className="field-error">
        {t('intake.overLimit', { n: n(length), max: n(p.limit) })}
      </span>
    ) : length >= p.limit * NEAR ? (
      <span className="muted counter">
        {t('intake.counter', { n: n(length), max: n(p.limit) })}
      </span>
    ) : null;
  return (
    <Field label={p.label} error={p.error} hint={p.hint} note={note}>
      {(id, described) =>
        p.multiline ? (
          <textarea
            id={id}
            rows={3}
            data-field={p.name}
            value={p.value}
            onChange={(e) => change(e.target.value)}
            {...described}
          />
        ) : (
          <input
            id={id}
            ref={p.inputRef}
            data-field={p.name}
            type={p.type ?? 'text'}
            {...(p.skipWalk ? { 'data-walk': 'skip' } : {})}
            {...(p.type === 'tel' ? { inputMode: 'tel' as const } : {})}
            disabled={p.disabled}
            value={p.value}
            onChange={(e) => change(e.target.value)}
            {...described}
          />
        )
      }
    </Field>
  );
}
