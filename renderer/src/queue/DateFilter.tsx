/**
 * A date filter typed as dd/mm/yyyy (a WIB day), whatever the browser's locale: a native
 * date input would show mm/dd/yyyy on an en-US machine. A date that does not read is
 * marked and named next to the field, and filters nothing.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWibDay, parseWibDay } from '../../../shared/time';

export function DateFilter({
  label,
  onChange,
}: {
  label: string;
  /** The UTC instant the typed WIB day starts, or undefined when empty or unreadable. */
  onChange(dayStart: number | undefined): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const hintId = useId();
  const day = parseWibDay(text);
  const invalid = text.trim() !== '' && day === undefined;

  return (
    <label>
      {label}
      <input
        type="text"
        inputMode="numeric"
        className="date-filter"
        value={text}
        maxLength={12}
        placeholder={t('queue.datePlaceholder')}
        title={t('queue.dateHint')}
        aria-invalid={invalid}
        aria-describedby={invalid ? hintId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseWibDay(e.target.value));
        }}
        // "1/2/2026" reads back as "01/02/2026" once the operator moves on.
        onBlur={() => day !== undefined && setText(formatWibDay(day))}
      />
      {invalid ? (
        <span id={hintId} className="field-error" role="alert">
          {t('queue.dateInvalid')}
        </span>
      ) : null}
    </label>
  );
}
