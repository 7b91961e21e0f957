/**
 * The one password-hash scheme of Sigap, used by the hub (accounts) and by desks (sign-in
 * against their replica): scrypt, stored as `scrypt$N$r$p$salt$hash` so the cost can be
 * raised later without breaking old hashes. Shared code uses no Node: each side passes in
 * the part of `node:crypto` this needs.
 */

/** The part of `node:crypto` the scheme uses. */
export interface ScryptCrypto {
  scrypt(
    password: string,
    salt: Uint8Array,
    keylen: number,
    options: { N: number; r: number; p: number; maxmem: number },
    callback: (err: Error | null, key: Uint8Array) => void,
  ): void;
  randomBytes(size: number): Uint8Array;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
  toBase64(bytes: Uint8Array): string;
  fromBase64(text: string): Uint8Array;
}

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

/** The shape a stored hash must have; anything else never verifies. */
export const PASSWORD_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;
/** What any account's password must at least be (also checked where it is typed). */
export const PASSWORD_MIN = 8;
/** Verified for unknown names too, so timing does not tell which names exist. */
export const DUMMY_HASH = 'scrypt$16384$8$1$AAAA$AAAA';

export function passwordScheme(crypto: ScryptCrypto) {
  const derive = (password: string, salt: Uint8Array, n: number, r: number, p: number) =>
    new Promise<Uint8Array>((resolve, reject) => {
      crypto.scrypt(
        password.normalize('NFKC'),
        salt,
        KEYLEN,
        { N: n, r, p, maxmem: 64 * 1024 * 1024 },
        (err, key) => (err ? reject(err) : resolve(key)),
      );
    });

  return {
    async hashPassword(password: string): Promise<string> {
      const salt = crypto.randomBytes(16);
      const key = await derive(password, salt, N, R, P);
      return `scrypt$${N}$${R}$${P}$${crypto.toBase64(salt)}$${crypto.toBase64(key)}`;
    },

    async verifyPassword(password: string, stored: string): Promise<boolean> {
      if (!PASSWORD_HASH.test(stored)) return false;
      const [, n, r, p, salt, hash] = stored.split('$');
      const expected = crypto.fromBase64(hash!);
      const key = await derive(password, crypto.fromBase64(salt!), Number(n), Number(r), Number(p));
      return key.length === expected.length && crypto.timingSafeEqual(key, expected);
    },
  };
}
