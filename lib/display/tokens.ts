import 'server-only'
import { createHash, randomBytes } from 'node:crypto'

/*
 * A tablet's credential: 32 random bytes, base64url, kept by the tablet in an httpOnly cookie. The
 * database stores only its SHA-256: a copy of the database (a backup, a support dump) cannot be
 * turned back into a working credential. No salt or slow hash is needed for 256 random bits.
 */

const TOKEN = /^[A-Za-z0-9_-]{43}$/

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Cheap shape check before any database work: a mangled cookie is simply no credential. */
export function isDeviceTokenShape(value: string): boolean {
  return TOKEN.test(value)
}
