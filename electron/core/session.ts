/**
 * One screen's sign-in: a browser tab or a desktop window. A host opens one session per
 * screen and answers every call from that screen with it, so signing in or out on one
 * screen never changes who is recorded on another. Never shared between screens.
 */
import type { Operator } from '../../shared/domain/case';

export interface Session {
  /** A number for the logs, so a sign-in and its screen's later calls can be told apart. */
  readonly screen: number;
  /** Who is signed in on this screen, if anyone. */
  operator: Operator | null;
}
