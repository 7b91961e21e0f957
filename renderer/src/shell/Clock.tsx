import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWib } from '../../../shared/time';

/** Wall clock in WIB, whatever the PC's own time zone. */
export function Clock() {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="clock" aria-label={t('app.clock')} dateTime={new Date(now).toISOString()}>
      {formatWib(now, i18n.language === 'en' ? 'en' : 'id')}
    </time>
  );
}
