/** Which version of a table is in force: the files' (0), or who published it, when and why. */
import { useTranslation } from 'react-i18next';
import { formatWib } from '../../../shared/time';

export function VersionLine({
  of,
}: {
  of: {
    version: number;
    at?: number | undefined;
    person?: string | undefined;
    reason?: string | undefined;
  };
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <p className="muted">
      {of.version === 0 || of.at === undefined
        ? t('rules.versionFiles')
        : t('rules.versionPublished', {
            version: of.version,
            person: of.person,
            time: formatWib(of.at, lang),
            reason: of.reason,
          })}
    </p>
  );
}
