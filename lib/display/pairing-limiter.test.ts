import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { createPairingLimiter, PAIRING_LIMITS } from './pairing-limiter'

describeDialects('pairing limiter', (target) => {
  let t: TestDatabase
  let clock = 1_800_000_000_000
  beforeEach(async () => {
    t = await target.open()
  })
  afterEach(() => t.close())
  const limiter = () => createPairingLimiter(PAIRING_LIMITS, { db: () => t.db, now: () => clock })
  const guess = (i: number) =>
    `ABCD${String.fromCharCode(65 + (i % 24))}${String.fromCharCode(65 + Math.floor(i / 24))}`

  it('stops an address after 10 wrong codes, and no one else', async () => {
    const l = limiter()
    const answers = []
    for (let i = 0; i < 40; i++) answers.push(await l.attempt('10.0.0.1', guess(i)))
    expect(answers.filter(Boolean)).toHaveLength(10)
    // Another address still gets to try, the right code included: there is no global cap.
    expect(await l.attempt('10.0.0.2', 'RIGHTC')).toBe(true)
    clock += 10 * 60_000
    expect(await l.attempt('10.0.0.1', 'NEWONE')).toBe(true)
  })

  it('stops one code tried wrong from many addresses, without costing those addresses', async () => {
    const l = limiter()
    for (let i = 0; i < 5; i++) expect(await l.attempt(`10.0.1.${i}`, 'STALEC')).toBe(true)
    expect(await l.attempt('10.0.1.99', 'STALEC')).toBe(false)
    // The address refused for the code's sake keeps its own allowance.
    for (let i = 0; i < 10; i++) expect(await l.attempt('10.0.1.99', guess(i))).toBe(true)
  })

  it('counts ::ffff:1.2.3.4 and 1.2.3.4 as one address, as the sign-in limiter does', async () => {
    const l = limiter()
    for (let i = 0; i < 5; i++) expect(await l.attempt('::ffff:1.2.3.4', guess(i))).toBe(true)
    for (let i = 5; i < 10; i++) expect(await l.attempt('1.2.3.4', guess(i))).toBe(true)
    expect(await l.attempt('::FFFF:1.2.3.4', guess(10))).toBe(false)
    expect(await l.attempt('1.2.3.4', guess(11))).toBe(false)
  })

  it('counts a whole IPv6 /64 as one address, so rotating addresses earns no more guesses', async () => {
    const l = limiter()
    const answers = []
    for (let i = 0; i < 20; i++) answers.push(await l.attempt(`2001:db8:0:7::${i + 1}`, guess(i)))
    expect(answers.filter(Boolean)).toHaveLength(10)
    expect(await l.attempt('2001:db8:0:8::1', guess(20))).toBe(true)
  })

  it('gives a right code its attempt back', async () => {
    const l = limiter()
    for (let i = 0; i < 9; i++) await l.attempt('10.0.0.3', guess(i))
    expect(await l.attempt('10.0.0.3', 'GOODON')).toBe(true)
    await l.succeeded('10.0.0.3', 'GOODON')
    expect(await l.attempt('10.0.0.3', 'GOODTW')).toBe(true)
    expect(await l.attempt('10.0.0.3', 'GOODTH')).toBe(false)
  })
})
