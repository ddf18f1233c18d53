/**
 * The parent PIN is stored only as a salted PBKDF2-SHA256 hash (WebCrypto),
 * never as text. 200,000 iterations is OWASP's floor for PBKDF2-SHA256
 * (2023: 600,000 recommended for passwords; a PIN is also guarded by the
 * back-off in backoff.ts). One check costs ≈ 0.1–0.3 s, once per PIN entry.
 */
import { z } from 'zod';

export const PIN_ITERATIONS = 200_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

/** 4 to 64 characters: a number pad PIN or a passphrase. */
export const PinSchema = z.string().min(4).max(64);

export const PinRecordSchema = z.object({
  alg: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(PIN_ITERATIONS),
  salt: z.string().min(1),
  hash: z.string().min(1),
});
export type PinRecord = z.infer<typeof PinRecordSchema>;

const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinRecord> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { alg: 'PBKDF2-SHA256', iterations, salt: b64(salt), hash: b64(await derive(pin, salt, iterations)) };
}

/** Compares in time independent of where the bytes differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  let salt: Uint8Array, want: Uint8Array;
  try {
    salt = unb64(record.salt);
    want = unb64(record.hash);
  } catch {
    return false;
  }
  return sameBytes(await derive(pin, salt, record.iterations), want);
}
