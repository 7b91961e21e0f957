/**
 * One handler per console API channel. Handlers receive arguments already validated
 * against the contract and may throw CoreError; the dispatcher turns that into a value.
 */
import type { Channel, ParsedArgsOf, ResultOf } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { writeLanguage } from '../store/settings';

export type Handlers = {
  [C in Channel]: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>;
};

export function createHandlers(ctx: CoreContext): Handlers {
  return {
    'app.status': () => ctx.status(),
    'app.setLanguage': ({ language }) => {
      writeLanguage(ctx.store, language, ctx.now());
      ctx.statusChanged();
      return { language };
    },
  };
}
