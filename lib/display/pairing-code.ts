/*
 * Pairing codes: six capital letters from an alphabet without I and O (read as 1 and 0), shown as
 * "KXM PRT". 24^6 ≈ 191 million codes against at most one live code per station for ten minutes,
 * plus a cap on wrong guesses (pairing-limiter.ts): guessing one is not a practical attack, and
 * letters type as easily as digits on a tablet keyboard.
 * Client-safe: the manager's page formats codes with it.
 */

export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
export const CODE_LENGTH = 6

const VALID = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)

/** A new random code. `pick(n)` must return a uniform random integer below n (crypto.randomInt). */
export function generatePairingCode(pick: (n: number) => number): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[pick(CODE_ALPHABET.length)]
  return code
}

/**
 * What a person typed, as a code: case, spaces and dashes do not matter. Null when it cannot be a
 * code at all, so a typo never reaches the database.
 */
export function normalizePairingCode(input: string): string | null {
  const code = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·]/g, '')
  return VALID.test(code) ? code : null
}

/** "KXMPRT" → "KXM PRT": easier to read aloud and to copy. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`
}
