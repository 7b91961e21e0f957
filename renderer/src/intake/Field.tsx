/** A labelled form field with its hint, its error and a note (a length counter), wired for screen readers. */
import { useId, useState, type ReactNode } from 'react';

export type Described = { 'aria-invalid'?: true; 'aria-describedby'?: string };

export function Field({
  label,
  error,
  hint,
  note,
  children,
}: {
  label: string;
  error: string | undefined;
  hint?: string;
  /** Read with the field (aria-describedby), shown under it. */
  note?: ReactNode;
  children: (id: string, described: Described) => ReactNode;
}) {
  const id = useId();
  const describedBy = [
    hint && !error ? `${id}-hint` : '',
    error ? `${id}-err` : '',
    note ? `${id}-note` : '',
  ].filter(Boolean);
  const described: Described = {
    ...(error ? { 'aria-invalid': true as const } : {}),
    ...(describedBy.length > 0 ? { 'aria-describedby': describedBy.join(' ') } : {}),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, described)}
      {hint ? (
        <span id={`${id}-hint`} className="muted hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-err`} className="field-error">
          {error}
        </span>
      ) : null}
      {note ? <span id={`${id}-note`}>{note}</span> : null}
    </div>
  );
}

/** Latitude or longitude: typed as text (comma or point), kept as a number or null. */
export function CoordinateField(props: {
  label: string;
  value: number | null;
  error: string | undefined;
  onChange(value: number | null): void;
}) {
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  return (
    <Field label={props.label} error={props.error}>
      {(id, described) => (
        <input
          id={id}
          inputMode="decimal"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const v = e.target.value.trim().replace(',', '.');
            props.onChange(v === '' || Number.isNaN(Number(v)) ? null : Number(v));
          }}
          {...described}
        />
      )}
    </Field>
  );
}
