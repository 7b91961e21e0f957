/**
 * The routing table and category targets (Shift+F10), for everyone signed in: an operator
 * sees what is in force; a supervisor edits either, publishes it through the hub with a
 * reason, and reads the history of published versions. A version another supervisor
 * publishes meanwhile reloads the screen (the hub refuses an edit made on an older one).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../shared/api/contract';
import { useClient } from '../api/client-context';
import { useErrorText } from '../i18n/use-error-text';
import { useShortcut } from '../shell/shortcuts';
import { RoutingEditor } from './RoutingEditor';
import { RulesHistory } from './RulesHistory';
import { TargetsEditor } from './TargetsEditor';
import { VersionLine } from './VersionLine';
import { useDialogKey } from './use-dialog-key';

// Beside the accounts (F10), for operators too: they may look, not edit.
export const RULES_KEY = { key: 'F10', shift: true } as const;

export type RulesInForce = ResultOf<'rules.get'>;

export function RulesScreen() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => {
    // Another of the desk's dialogs is open: it keeps the keyboard.
    if (document.querySelector('dialog[open]:not(.rules)')) return;
    setOpen((o) => !o);
  }, []);
  useShortcut(RULES_KEY, toggle);
  return (
    <>
      <button type="button" className="review-open" onClick={toggle} aria-keyshortcuts="Shift+F10">
        {t('rules.open')} <kbd>Shift+F10</kbd>
      </button>
      {open ? <RulesDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

type Tab = 'routing' | 'targets' | 'history';
const TAB_KEYS: Record<string, Tab> = { '1': 'routing', '2': 'targets', '3': 'history' };

function RulesDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<Tab>('routing');
  const [rules, setRules] = useState<RulesInForce>();
  const [failure, setFailure] = useState<string>();
  const [reloaded, setReloaded] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);

  const load = useCallback(
    (fromHub: boolean) => {
      void client['rules.get']({}).then((r) => {
        if (!r.ok) return setFailure(errorText(r.error));
        setRules(r.value);
        setReloaded(fromHub);
      });
    },
    // errorText is stable in behaviour.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client],
  );
  useEffect(() => load(false), [load]);
  useEffect(() => client.subscribe('reference.changed', () => load(true)), [client, load]);

  // Alt+1/2/3 switch tabs, wherever the focus is; the desk's own keys wait meanwhile.
  useDialogKey(
    (e) => e.altKey && !e.ctrlKey && TAB_KEYS[e.key] !== undefined,
    (e) => {
      const next = TAB_KEYS[e.key]!;
      if (next !== 'history' || rules?.canEdit) setTab(next);
    },
  );
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Escape') e.stopPropagation();
  };
  // A reload replaces the editors: keep the keyboard in the dialog.
  useEffect(() => {
    if (!dialog.current?.contains(document.activeElement)) dialog.current?.focus();
  }, [rules]);
  const tabs: Array<[Tab, string]> = [
    ['routing', t('rules.tabRouting')],
    ['targets', t('rules.tabTargets')],
    ...(rules?.canEdit ? [['history', t('rules.tabHistory')] as [Tab, string]] : []),
  ];
  return (
    <dialog
      ref={dialog}
      className="case-dialog review rules"
      aria-label={t('rules.title')}
      onClose={onClose}
      onKeyDown={onKeyDown}
      tabIndex={-1}
    >
      <header>
        <h2>{t('rules.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('rules.close')} <kbd>Esc</kbd>
        </button>
      </header>
      {rules && !rules.canEdit ? <p className="muted">{t('rules.viewOnly')}</p> : null}
      {reloaded ? <p role="status">{t('rules.reloaded')}</p> : null}
      <div role="tablist" aria-label={t('rules.title')}>
        {tabs.map(([id, label], i) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`rules-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`rules-panel-${id}`}
            aria-keyshortcuts={`Alt+${i + 1}`}
            onClick={() => setTab(id)}
          >
            {label} <kbd>Alt+{i + 1}</kbd>
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`rules-panel-${tab}`} aria-labelledby={`rules-tab-${tab}`}>
        {failure ? <p role="alert">{failure}</p> : null}
        {!rules && !failure ? <p>{t('rules.loading')}</p> : null}
        {rules && tab === 'routing' ? (
          <>
            <VersionLine of={rules.routing} />
            <RoutingEditor key={`r${rules.routing.version}`} rules={rules} />
          </>
        ) : null}
        {rules && tab === 'targets' ? (
          <>
            <VersionLine of={rules.targets} />
            <TargetsEditor key={`t${rules.targets.version}`} rules={rules} />
          </>
        ) : null}
        {rules?.canEdit && tab === 'history' ? <RulesHistory /> : null}
      </section>
    </dialog>
  );
}
