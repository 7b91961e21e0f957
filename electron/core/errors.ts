/**
 * CoreError carries an API error code through the backend's own call stack; the API
 * dispatcher turns it into an ApiError value at the boundary.
 */
import type { ErrorCode } from '../../shared/api/errors';

export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
