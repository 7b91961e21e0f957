/**
 * The export screen's button and key (F8), on every desk: an operator exports with caller
 * numbers masked; a supervisor may also ask for them in full.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../shell/shortcuts';
import { ExportDialog } from './ExportDialog';

export const EXPORT_KEY = { key: 'F8' } as const;

export function ExportsLauncher({ supervisor }: { supervisor: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  useShortcut(EXPORT_KEY, toggle);
  return (
    <>
      <button type="button" className="exports-open" onClick={toggle} aria-keyshortcuts="F8">
        {t('exports.open')} <kbd>F8</kbd>
      </button>
      {open ? <ExportDialog supervisor={supervisor} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
