/**
 * The routing table: per category (and optionally kecamatan) the OPDs Sigap suggests. A
 * supervisor edits rows — category, kecamatan, OPD codes — adds (Alt+N) or removes them, and
 * publishes the whole table; everyone else reads it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-context';
import { useReference } from '../reference/reference-context';
import { PublishBar } from './PublishBar';
import type { RulesInForce } from './RulesScreen';
import { ruleDraft, routingFromDrafts, type RuleDraft } from './rules-draft';
import { useDialogKey } from './use-dialog-key';

export function RoutingEditor({ rules }: { rules: RulesInForce }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ref = useReference();
  const client = useClient();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => rules.routing.table.rules.map(ruleDraft));
  const opdName = (id: string) => ref.opds.find((o) => o.id === id)?.short ?? id;
  const add = () =>
    setDrafts((all) => [
      ...all,
      ruleDraft({ categoryId: ref.categories[0]?.id ?? '', opdIds: [] }),
    ]);
  useDialogKey(
    (e) => rules.canEdit && e.altKey && !e.ctrlKey && e.key.toLowerCase() === 'n',
    () => add(),
  );

  if (!rules.canEdit) {
    return (
      <table aria-label={t('rules.tabRouting')}>
        <thead>
          <tr>
            <th scope="col">{t('rules.category')}</th>
            <th scope="col">{t('rules.kecamatan')}</th>
            <th scope="col">{t('rules.opds')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.routing.table.rules.map((r) => (
            <tr key={`${r.categoryId}|${r.kecamatanId ?? ''}`}>
              <td>{ref.categoryName(r.categoryId, lang)}</td>
              <td>{r.kecamatanId ? ref.kecamatanName(r.kecamatanId) : t('rules.allKecamatan')}</td>
              <td>{r.opdIds.map(opdName).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  const change = (key: number, patch: Partial<RuleDraft>) =>
    setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const publish = async (reason: string) => {
    const made = routingFromDrafts(drafts, new Set(ref.opds.map((o) => o.id)));
    if (!made.ok) return t(made.problem.key, made.problem.values);
    return client['rules.publishRouting']({
      expectedVersion: rules.routing.version,
      table: made.table,
      reason,
    });
  };
  const opdLabel = (d: RuleDraft) => {
    const category = ref.categoryName(d.categoryId, lang);
    return d.kecamatanId
      ? t('rules.opdsLabelIn', { category, kecamatan: ref.kecamatanName(d.kecamatanId) })
      : t('rules.opdsLabel', { category });
  };

  return (
    <div>
      <p className="muted">
        {t('rules.opdsHint', { codes: ref.opds.map((o) => o.id).join(', ') })}
      </p>
      <div className="rules-table">
        <table aria-label={t('rules.tabRouting')}>
          <thead>
            <tr>
              <th scope="col">{t('rules.category')}</th>
              <th scope="col">{t('rules.kecamatan')}</th>
              <th scope="col">{t('rules.opds')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rules.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d, i) => (
              <tr key={d.key}>
                <td>
                  <select
                    aria-label={t('rules.categoryLabel', { n: i + 1 })}
                    value={d.categoryId}
                    onChange={(e) => change(d.key, { categoryId: e.target.value })}
                  >
                    {ref.categories.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name[lang]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('rules.kecamatanLabel', { n: i + 1 })}
                    value={d.kecamatanId}
                    onChange={(e) => change(d.key, { kecamatanId: e.target.value })}
                  >
                    <option value="">{t('rules.allKecamatan')}</option>
                    {ref.kecamatan.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={opdLabel(d)}
                    autoComplete="off"
                    value={d.opds}
                    onChange={(e) => change(d.key, { opds: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('rules.removeLabel', { n: i + 1 })}
                    onClick={() => setDrafts((all) => all.filter((x) => x.key !== d.key))}
                  >
                    {t('rules.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={add} aria-keyshortcuts="Alt+N">
        {t('rules.addRule')} <kbd>Alt+N</kbd>
      </button>
      <PublishBar publish={publish} />
    </div>
  );
}
