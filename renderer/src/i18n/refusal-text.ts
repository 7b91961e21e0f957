/**
 * Why the hub refused a dispatch, in the operator's language: by the stored code only. A
 * code this desk does not know (from a newer hub) gets a general text, never the raw code
 * or the hub's English message.
 */
import { HubErrorCode } from '../../../shared/hub/messages';

/** The i18n key for a refusal code. */
export function refusalKey(code: string): string {
  return HubErrorCode.safeParse(code).success ? `refusals.${code}` : 'refusals.unknown';
}
