/**
 * A text field with suggestions (native datalist) that resolves what was typed to one
 * option: an exact name at once, or the only option that starts with / contains the text
 * when the operator leaves the field or presses Enter.
 */
import type { KeyboardEvent } from 'react';
import { Field } from './Field';

export interface Option {
  id: string;
  label: string;
}

export function resolveOption(text: string, options: readonly Option[]): Option | undefined {
  const needle = text.trim().toLowerCase();
  if (!needle) return undefined;
  const exact = options.find((o) => o.label.toLowerCase() === needle);
  if (exact) return exact;
  const starts = options.filter((o) => o.label.toLowerCase().startsWith(needle));
  if (starts.length === 1) return starts[0];
  const contains = options.filter((o) => o.label.toLowerCase().includes(needle));
  return contains.length === 1 ? contains[0] : undefined;
}

interface Props {
  label: string;
  text: string;
  options: readonly Option[];
  error: string | undefined;
  onText(text: string): void;
  onPick(option: Option | undefined): void;
}

export function TypeAhead({ label, text, options, error, onText, onPick }: Props) {
  const complete = () => {
    const found = resolveOption(text, options);
    if (found && found.label !== text) onText(found.label);
    onPick(found);
  };
  return (
    <Field label={label} error={error}>
      {(id, described) => (
        <>
          <input
            id={id}
            list={`${id}-list`}
            value={text}
            autoComplete="off"
            {...described}
            onChange={(e) => {
              onText(e.target.value);
              const exact = options.find(
                (o) => o.label.toLowerCase() === e.target.value.trim().toLowerCase(),
              );
              onPick(exact);
            }}
            onBlur={complete}
            onKeyDown={(e: KeyboardEvent) => {
              if (e.key === 'Enter') complete();
            }}
          />
          <datalist id={`${id}-list`}>
            {options.map((o) => (
              <option key={o.id} value={o.label} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
