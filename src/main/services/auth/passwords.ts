import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resourcePath } from '../../util/paths';
import { PASSWORD_MIN_LENGTH } from '../../../shared/domain/users';

/** OWASP Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1. */
export const SCRYPT_PRODUCTION_N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 64;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const opts: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Format: scrypt$N$r$p$salt(base64)$hash(base64). Parameters are stored so the cost can be raised later. */
export async function hashPassword(password: string, n = SCRYPT_PRODUCTION_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, n, R, P);
  return `scrypt$${n}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to verify against when the user does not exist, so timing does not reveal valid usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(n: number): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'), n);
  return dummyHash;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const text = readFileSync(resourcePath('common-passwords.txt'), 'utf8');
    common = new Set(
      text
        .split(/\r?\n/)
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.trim().toLowerCase()),
    );
  }
  return common;
}

/**
 * NIST SP 800-63B style policy: length (min 12), no composition rules, refuse known common passwords and passwords
 * that are just the username or one repeated character. Returns a Swedish reason or null.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'Lösenordet är för vanligt. Välj ett annat, gärna en fras med flera ord.';
  if (/^(.)\1+$/.test(password)) return 'Lösenordet får inte bestå av ett och samma tecken.';
  if (username && lower.includes(username.toLowerCase()) && lower.length - username.length < 6)
    return 'Lösenordet får inte likna användarnamnet.';
  return null;
}
