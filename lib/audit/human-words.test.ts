import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, normaliseAddress } from '@/lib/audit/actions'
import { AUDIT_ACTOR_KINDS } from '@/lib/audit/types'
import { TIMELINE_EVENT_TYPES } from '@/lib/charges/event-types'
import type { SystemTextKind } from '@/lib/dms/system-text'

/*
 * Human words: every timeline event type and audit action has a sentence in both languages, the
 * Chinese one with no English words (product names excepted) and the English one with no Chinese.
 */

const load = (locale: string, ns: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'messages', locale, `${ns}.json`), 'utf8')) as Record<
    string,
    unknown
  >

const at = (tree: unknown, path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree)

const CJK = /[\u3400-\u9fff]/
/** Names that stay as they are in Chinese text. */
const KEPT = /\b(DMS|QR|IP|CSV|A4)\b/g

function expectChinese(text: unknown, what: string) {
  expect(typeof text, what).toBe('string')
  expect(text as string, what).toMatch(CJK)
  // A {placeholder} is filled in, never shown as written.
  const shown = (text as string).replace(KEPT, '').replace(/\{\w+\}/g, '')
  expect(shown, what).not.toMatch(/[A-Za-z]{2,}/)
}

function expectEnglish(text: unknown, what: string) {
  expect(typeof text, what).toBe('string')
  expect(text as string, what).toMatch(/[A-Za-z]{2,}/)
  expect(text as string, what).not.toMatch(CJK)
}

describe('human words', () => {
  const zh = { manager: load('zh-CN', 'manager'), admin: load('zh-CN', 'admin') }
  const en = { manager: load('en', 'manager'), admin: load('en', 'admin') }

  it('every timeline event type has a sentence in Chinese and in English', () => {
    expect(TIMELINE_EVENT_TYPES.length).toBeGreaterThanOrEqual(20)
    for (const type of TIMELINE_EVENT_TYPES) {
      expectChinese(at(zh.manager, ['events', type]), `zh events.${type}`)
      expectEnglish(at(en.manager, ['events', type]), `en events.${type}`)
    }
  })

  it('a settlement by hand reads in both languages: its events, outcomes and audit values', () => {
    expect(TIMELINE_EVENT_TYPES).toEqual(
      expect.arrayContaining(['manager-settled', 'settle-disputed']),
    )
    expect(AUDIT_ACTIONS).toContain('charge.settle')
    for (const outcome of ['not-charged', 'paid']) {
      expectChinese(at(zh.manager, ['settle', 'settledAs', outcome]), `zh settledAs.${outcome}`)
      expectEnglish(at(en.manager, ['settle', 'settledAs', outcome]), `en settledAs.${outcome}`)
      expectChinese(at(zh.admin, ['audit', 'values', 'outcome', outcome]), `zh outcome ${outcome}`)
      expectEnglish(at(en.admin, ['audit', 'values', 'outcome', outcome]), `en outcome ${outcome}`)
    }
    expectChinese(at(zh.manager, ['attention', 'reasons', 'settle-disputed']), 'zh reason')
    expectEnglish(at(en.manager, ['attention', 'reasons', 'settle-disputed']), 'en reason')
  })

  it('every audit action has a sentence in Chinese and in English', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThanOrEqual(18)
    for (const action of AUDIT_ACTIONS) {
      const path = ['audit', 'actions', ...action.split('.')]
      expectChinese(at(zh.admin, path), `zh ${action}`)
      expectEnglish(at(en.admin, path), `en ${action}`)
    }
  })

  it('every actor that is not a person, and every kind of target, has words in both languages', () => {
    // A staff member and a sign-in show their own name; every other kind shows its words.
    const named = AUDIT_ACTOR_KINDS.filter((k) => k !== 'user' && k !== 'sign-in')
    expect(named).toEqual(['system', 'seed', 'cli', 'display'])
    for (const key of [...named, 'typed']) {
      expectChinese(at(zh.admin, ['audit', 'actors', key]), `zh actors.${key}`)
      expectEnglish(at(en.admin, ['audit', 'actors', key]), `en actors.${key}`)
    }
    const targets = Object.keys(at(zh.admin, ['audit', 'targets']) as object)
    expect(Object.keys(at(en.admin, ['audit', 'targets']) as object).sort()).toEqual(targets.sort())
    for (const key of ['user', 'station', 'stationGone', 'charge', 'chargeNoBill', 'settings']) {
      expectChinese(at(zh.admin, ['audit', 'targets', key]), `zh targets.${key}`)
      expectEnglish(at(en.admin, ['audit', 'targets', key]), `en targets.${key}`)
    }
    // The coded values of the details (a role, a scope, a language…): every code in both.
    const sets = at(zh.admin, ['audit', 'values']) as Record<string, object>
    expect(Object.keys(sets)).toEqual(expect.arrayContaining(['role', 'scope', 'language']))
    for (const [set, codes] of Object.entries(sets)) {
      const enCodes = at(en.admin, ['audit', 'values', set]) as object
      expect(Object.keys(enCodes).sort(), `values.${set}`).toEqual(Object.keys(codes).sort())
      for (const code of Object.keys(codes)) {
        expectChinese(at(zh.admin, ['audit', 'values', set, code]), `zh values.${set}.${code}`)
        expectEnglish(at(en.admin, ['audit', 'values', set, code]), `en values.${set}.${code}`)
      }
    }
  })

  it('every audit detail field label exists in both languages', () => {
    const fields = Object.keys(at(zh.admin, ['audit', 'fields']) as object)
    expect(fields.length).toBeGreaterThan(10)
    expect(Object.keys(at(en.admin, ['audit', 'fields']) as object).sort()).toEqual(fields.sort())
    for (const f of fields) {
      expectChinese(at(zh.admin, ['audit', 'fields', f]), `zh field ${f}`)
      expectEnglish(at(en.admin, ['audit', 'fields', f]), `en field ${f}`)
    }
  })

  it('every note of the DMS client (timeout, HTTP error, …) has a sentence in both languages', () => {
    const kinds: Record<SystemTextKind, true> = {
      timeout: true,
      http: true,
      refused: true,
      broken: true,
      unreadable: true,
      mismatch: true,
    }
    for (const kind of Object.keys(kinds)) {
      expectChinese(at(zh.manager, ['systemText', kind]), `zh systemText.${kind}`)
      expectEnglish(at(en.manager, ['systemText', kind]), `en systemText.${kind}`)
    }
  })

  it('shows an IPv4 address as people write it', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(normaliseAddress('192.168.1.20')).toBe('192.168.1.20')
    expect(normaliseAddress('::1')).toBe('::1')
    expect(normaliseAddress(null)).toBeNull()
  })
})
