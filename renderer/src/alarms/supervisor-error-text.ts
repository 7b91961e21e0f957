/**
 * A supervisor action's error in the operator's language: a refusal by the hub is named by
 * the hub's own code (`fields.hub`), so "already accepted" reads as such, not as "refused".
 */
import type { ApiError } from '../../../shared/api/errors';
import { useTranslation } from 'react-i18next';
import { refusalKey } from '../i18n/refusal-text';
import { useErrorText } from '../i18n/use-error-text';

export function useSupervisorErrorText(): (error: ApiError) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) => {
    const hub = error.fields?.hub;
    return error.code === 'hub.refused' && hub ? t(refusalKey(hub)) : errorText(error);
  };
}
