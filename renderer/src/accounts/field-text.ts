/** A field problem of an account form (`account.*` codes from shared/domain/account.ts) in the operator's language. */
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { useErrorText } from '../i18n/use-error-text';

export function useAccountErrorText(): (error: ApiError) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) => {
    const codes = Object.values(error.fields ?? {}).filter((c) => c.startsWith('account.'));
    if (codes.length === 0) return errorText(error);
    return codes
      .map((code) => t(`accountFields.${code}`, { defaultValue: t('fields.invalid') }))
      .join(' ');
  };
}
