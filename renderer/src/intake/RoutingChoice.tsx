/**
 * Where the case being recorded will go: the routing table's suggestion, ticked, with any
 * other OPD one pick away. Alt+K in the form saves the call and dispatches it here.
 */
import { useTranslation } from 'react-i18next';
import { useReference } from '../reference/reference-context';

export function RoutingChoice({
  suggested,
  chosen,
  onChange,
}: {
  suggested: readonly string[];
  chosen: readonly string[];
  onChange(opdIds: string[]): void;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const shown = [...new Set([...suggested, ...chosen])];
  const short = (id: string) => ref.opds.find((o) => o.id === id)?.short ?? id;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));

  return (
    <fieldset className="routing">
      <legend>{t('intake.routing')}</legend>
      {shown.length === 0 ? <p className="muted">{t('intake.routingNone')}</p> : null}
      {shown.map((id) => (
        <label key={id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(id)}
            onChange={(e) => toggle(id, e.target.checked)}
          />
          {short(id)}
          {suggested.includes(id) ? (
            <span className="muted"> ({t('intake.suggested')})</span>
          ) : null}
        </label>
      ))}
      <label className="field">
        {t('intake.otherOpd')}
        <select value="" onChange={(e) => e.target.value && toggle(e.target.value, true)}>
          <option value="">—</option>
          {ref.opds
            .filter((o) => !shown.includes(o.id))
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.short} — {o.name}
              </option>
            ))}
        </select>
      </label>
    </fieldset>
  );
}
