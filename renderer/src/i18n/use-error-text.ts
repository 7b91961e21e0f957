import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';

/** An ApiError in the operator's language: by its code, never the raw lower-layer text. */
export function useErrorText(): (error: ApiError) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${error.code}`);
}

/** A field problem code from the contract (`intake.*`) in the operator's language. */
export function useFieldText(): (code: string | undefined) => string | undefined {
  const { t } = useTranslation();
  return (code) => {
    if (!code) return undefined;
    const key = code.startsWith('intake.')
      ? `fields.${code.slice('intake.'.length)}`
      : 'fields.invalid';
    return t(key, { defaultValue: t('fields.invalid') });
  };
}
