/** The desk's side of the shared password scheme (shared/auth/password.ts), on Node's crypto. */
import crypto from 'node:crypto';
import { passwordScheme } from '../../../shared/auth/password';

export const { hashPassword, verifyPassword } = passwordScheme({
  scrypt: crypto.scrypt,
  randomBytes: crypto.randomBytes,
  timingSafeEqual: crypto.timingSafeEqual,
  toBase64: (bytes) => Buffer.from(bytes).toString('base64'),
  fromBase64: (text) => Buffer.from(text, 'base64'),
});
