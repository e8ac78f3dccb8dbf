import { describe, expect, it } from 'vitest'
import { detailFields, type DetailWords } from './audit-detail'

// Words that show what was looked up, so each test sees which set a value was read from.
const words: DetailWords = {
  value: (set, code) => (code === 'unknown-code' ? null : `<${set}:${code}>`),
  person: (ref) => (ref === 'u-1' ? '店长老李' : ref === 'cli' ? '命令行工具' : null),
  time: (ms) => `<time ${ms}>`,
  tablet: (name) => `<tablet ${name}>`,
}

describe('detailFields', () => {
  it('reads a role change in words and leaves the user id out', () => {
    const detail = { id: 'u-9', from: 'cashier', to: 'manager' }
    expect(detailFields(detail, 'user.role', words)).toEqual([
      { key: 'from', value: '<role:cashier>' },
      { key: 'to', value: '<role:manager>' },
    ])
    // The same from/to of a tablet's rename are tablet names: an automatic one reads in words.
    expect(detailFields({ deviceId: 'd-1', from: 'A', to: 'B' }, 'display.rename', words)).toEqual([
      { key: 'from', value: '<tablet A>' },
      { key: 'to', value: '<tablet B>' },
    ])
  })

  it('names who made a pairing code and when it ends, and a revoke’s reason', () => {
    expect(
      detailFields({ deviceId: 'd-1', name: 'iPad', codeCreatedBy: 'cli' }, 'display.pair', words),
    ).toEqual([
      { key: 'name', value: '<tablet iPad>' },
      { key: 'codeCreatedBy', value: '命令行工具' },
    ])
    // Another action's name (a station's) is not a tablet's.
    expect(detailFields({ name: 'Linux #abcd' }, 'station.add', words)).toEqual([
      { key: 'name', value: 'Linux #abcd' },
    ])
    expect(detailFields({ codeCreatedBy: 'u-1' }, 'display.pair', words)).toEqual([
      { key: 'codeCreatedBy', value: '店长老李' },
    ])
    expect(detailFields({ codeCreatedBy: 'u-gone' }, 'display.pair', words)).toEqual([
      { key: 'codeCreatedBy', value: 'u-gone' },
    ])
    expect(detailFields({ expiresAt: 1_796_422_050_482 }, 'display.code-create', words)).toEqual([
      { key: 'expiresAt', value: '<time 1796422050482>' },
    ])
    expect(detailFields({ reason: 're-paired' }, 'display.revoke', words)).toEqual([
      { key: 'reason', value: '<revokeReason:re-paired>' },
    ])
    // A settlement's reason is what the manager wrote: never looked up.
    expect(detailFields({ reason: 're-paired' }, 'charge.settle', words)).toEqual([
      { key: 'reason', value: 're-paired' },
    ])
  })

  it('reads coded settings and scopes in words, a change as "from → to"', () => {
    expect(
      detailFields(
        { language: { from: 'zh-CN', to: 'en' }, shopName: { from: 'A', to: 'B' } },
        'settings.update',
        words,
      ),
    ).toEqual([
      { key: 'language', value: '<language:zh-CN> → <language:en>' },
      { key: 'shopName', value: 'A → B' },
    ])
    expect(
      detailFields({ scope: 'address', retryAfterSec: 900 }, 'auth.sign-in-blocked', words),
    ).toEqual([
      { key: 'scope', value: '<scope:address>' },
      { key: 'retryAfterSec', value: '900' },
    ])
    // A code without words shows as recorded.
    expect(detailFields({ outcome: 'unknown-code' }, 'charge.settle', words)).toEqual([
      { key: 'outcome', value: 'unknown-code' },
    ])
  })

  it('without words shows values as recorded; no detail is no fields; a scalar is one field', () => {
    expect(detailFields({ role: 'admin', cashierId: null }, 'user.create')).toEqual([
      { key: 'role', value: 'admin' },
      { key: 'cashierId', value: '—' },
    ])
    expect(detailFields(null)).toEqual([])
    expect(detailFields('note')).toEqual([{ key: 'value', value: 'note' }])
    expect(detailFields({ list: [1, '2'] })).toEqual([{ key: 'list', value: '[1,"2"]' }])
  })
})
