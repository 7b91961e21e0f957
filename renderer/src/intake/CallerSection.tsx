/** Who called: the number (or withheld, Alt+W), an optional name, and the reporter's protection. */
import { useTranslation } from 'react-i18next';
import { DRAFT_LIMITS, LIMITS } from '../../../shared/domain/intake';
import type { Call, CallPatch } from './form-state';
import { GLOBAL_KEYS } from './keys';
import { LimitedText } from './LimitedText';

interface Props {
  call: Call;
  err(name: string): string | undefined;
  update(patch: CallPatch): void;
  setWithheld(on: boolean): void;
}

export function CallerSection({ call, err, update, setWithheld }: Props) {
  const { t } = useTranslation();
  const f = call.form;
  return (
    <>
      <div className="row">
        <LimitedText
          label={t('intake.callerNumber')}
          name="callerNumber"
          type="tel"
          value={f.callerNumber}
          limit={LIMITS.number}
          keep={DRAFT_LIMITS.number}
          disabled={f.withheld}
          error={err('callerNumber')}
          onChange={(callerNumber) => update({ form: { callerNumber } })}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={f.withheld}
            aria-keyshortcuts={`Alt+${GLOBAL_KEYS.withheld.key.toUpperCase()}`}
            onChange={(e) => setWithheld(e.target.checked)}
          />
          {t('intake.withheld')} <kbd aria-hidden="true">Alt+W</kbd>
        </label>
      </div>
      <LimitedText
        label={t('intake.callerName')}
        name="callerName"
        value={f.callerName}
        limit={LIMITS.callerName}
        keep={DRAFT_LIMITS.callerName}
        error={err('callerName')}
        onChange={(callerName) => update({ form: { callerName } })}
      />
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            checked={f.anonim}
            onChange={(e) => update({ form: { anonim: e.target.checked } })}
          />
          {t('intake.anonim')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={f.rahasia}
            onChange={(e) => update({ form: { rahasia: e.target.checked } })}
          />
          {t('intake.rahasia')}
        </label>
      </div>
    </>
  );
}
