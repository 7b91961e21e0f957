import type { Actor } from '../../../shared/hub/messages';

/**
 * How someone from another desk or the center appears on this desk's timeline, where no
 * operators row exists for them: "Budi (desk-2)".
 */
export const actorLabel = (actor: Actor): string => `${actor.person} (${actor.id})`;
