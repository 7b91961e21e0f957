/**
 * The soft-block banner on the intake screen: shown as soon as the typed number has a
 * block in force, with its reason and expiry, and kept live as blocks are set or lifted on
 * any desk. It never stops the call: the operator answers and records it as any other.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block } from '../../../shared/domain/blocks';
import { formatWib } from '../../../shared/time';
import { useClient } from '../api/client-context';

/** Typing pauses this long before the number is looked up. */
const TYPING_PAUSE_MS = 150;

export function useActiveBlock(number: string): Block | null {
  const client = useClient();
  // The answer and the number it answers: a number typed since shows nothing stale.
  const [found, setFound] = useState<{ number: string; block: Block | null }>();
  const [version, setVersion] = useState(0);
  useEffect(() => client.subscribe('callers.changed', () => setVersion((v) => v + 1)), [client]);
  const typed = number.trim();
  useEffect(() => {
    if (typed.length < 6) return;
    let live = true;
    const timer = setTimeout(() => {
      void client['caller.activeBlock']({ number: typed }).then((r) => {
        // A failed look-up shows no banner: the call goes on as any other.
        if (live) setFound({ number: typed, block: r.ok ? r.value.block : null });
      });
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, typed, version]);
  return found && found.number === typed && typed.length >= 6 ? found.block : null;
}

export function BlockBanner({ number, withheld }: { number: string; withheld: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const block = useActiveBlock(withheld ? '' : number);
  if (!block) return null;
  const until = formatWib(block.until, lang);
  return (
    <div role="status" aria-label={t('blocks.banner')} className="block-banner">
      <strong>{t(`blocks.kind.${block.kind}`)}</strong>
      {block.kind === 'manual' ? (
        <>
          {': '}
          {block.reason} ({block.setBy})
        </>
      ) : null}
      {'. '}
      {t('blocks.until', { time: until })} {t('blocks.stillAnswered')}
    </div>
  );
}
