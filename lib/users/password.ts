import 'server-only'
import { bcryptThread } from './bcrypt-thread'

/** Cost for stored hashes (~0.25 s per hash here). Tests pass a lower cost for speed. */
export const BCRYPT_COST = 12

/** On a worker thread (bcrypt-thread.ts): the screens' status answers never wait for a hash. */
export function hashPassword(password: string, cost: number = BCRYPT_COST): Promise<string> {
  return bcryptThread.hash(password, cost)
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcryptThread.compare(password, hash)
}

// A hash of a random string nobody knows, compared against when there is no real hash, so a login
// for an unknown or disabled user takes as long as one for a real user. Its cost must equal
// BCRYPT_COST (a test checks): regenerate it if the cost changes.
export const DUMMY_HASH = '$2b$12$eQKbNNbtfdHLYj3FjsnZ3.z70bJhgfwxoyfSS1kFoRQYZf/yd8dwC'

/** Burns the same time as verifyPassword against a real hash; always false. */
export async function dummyVerify(password: string): Promise<false> {
  await bcryptThread.compare(password, DUMMY_HASH)
  return false
}
