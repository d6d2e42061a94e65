import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  passwordProblem,
  SCRYPT_PRODUCTION_N,
  verifyPassword,
} from '../../../src/main/services/auth/passwords';

describe('password storage', () => {
  it('uses scrypt at OWASP minimum cost in production: N=2^17, r=8, p=1', async () => {
    expect(SCRYPT_PRODUCTION_N).toBe(131072);
    const h = await hashPassword('korrekt häst batteri häftklammer');
    expect(h).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(await verifyPassword('korrekt häst batteri häftklammer', h)).toBe(true);
    expect(await verifyPassword('korrekt häst batteri häftklammeR', h)).toBe(false);
  });

  it('salts every hash', async () => {
    const a = await hashPassword('samma lösenord igen', 1024);
    const b = await hashPassword('samma lösenord igen', 1024);
    expect(a).not.toBe(b);
  });

  it('refuses short, common and trivial passwords, with no composition rules', () => {
    expect(passwordProblem('elva tecken')).toMatch(/minst 12 tecken/);
    expect(passwordProblem('123qweasdzxc')).toMatch(/för vanligt/);
    expect(passwordProblem('Lösenord1234')).toMatch(/för vanligt/);
    expect(passwordProblem('åååååååååååååå')).toMatch(/samma tecken/);
    expect(passwordProblem('karin.bergstrom1', 'karin.bergstrom')).toMatch(/användarnamnet/);
    // only lower-case letters and spaces: fine, length is what counts
    expect(passwordProblem('kaffe och kanelbullar')).toBeNull();
  });
});
