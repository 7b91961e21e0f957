/**
 * The supervisor's accounts screen (F10): the center's accounts (add, disable/enable,
 * reset a password) and the center audit log, as two tabs. Every change goes through the
 * hub; operators never see it (core and the hub refuse them too).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../shell/shortcuts';
import { AccountList } from './AccountList';
import { AuditLog } from './AuditLog';

// F10, after the desk's other tools (F6–F9); Alt+K belongs to saving and sending a case.
export const ACCOUNTS_KEY = { key: 'F10' } as const;

export function AccountsAdmin() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => {
    // Another of the desk's dialogs is open: it keeps the keyboard.
    if (document.querySelector('dialog[open]:not(.accounts)')) return;
    setOpen((o) => !o);
  }, []);
  useShortcut(ACCOUNTS_KEY, toggle);
  return (
    <>
      <button type="button" className="review-open" onClick={toggle} aria-keyshortcuts="F10">
        {t('accounts.open')} <kbd>F10</kbd>
      </button>
      {open ? <AccountsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

type Tab = 'accounts' | 'audit';

function AccountsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<Tab>('accounts');
  useEffect(() => dialog.current?.showModal(), []);
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`accounts-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`accounts-panel-${id}`}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );
  return (
    <dialog
      ref={dialog}
      className="case-dialog review accounts"
      aria-label={t('accounts.title')}
      onClose={onClose}
    >
      <header>
        <h2>{t('accounts.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('accounts.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <p className="muted">{t('accounts.hubOnly')}</p>
      <div role="tablist" aria-label={t('accounts.title')}>
        {tabButton('accounts', t('accounts.tabAccounts'))}
        {tabButton('audit', t('accounts.tabAudit'))}
      </div>
      <section role="tabpanel" id={`accounts-panel-${tab}`} aria-labelledby={`accounts-tab-${tab}`}>
        {tab === 'accounts' ? <AccountList /> : <AuditLog />}
      </section>
    </dialog>
  );
}
