import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import type { AuditActorKind } from '@/lib/audit/types'
import {
  describeActor,
  describeRecordedBy,
  describeTarget,
  type AuditNames,
  type Translate,
} from './audit-words'

/* The audit log's actors and targets, read with the real messages of both languages. */

function translator(locale: 'zh-CN' | 'en'): Translate {
  const admin = JSON.parse(
    readFileSync(join(process.cwd(), 'messages', locale, 'admin.json'), 'utf8'),
  ) as Record<string, unknown>
  const t = createTranslator({
    locale,
    messages: { admin },
    namespace: 'admin.audit',
    // A missing message must fail the test, not come back as its key.
    onError: (e) => {
      throw e
    },
  })
  // Keys come as plain strings here, as the table passes them.
  return t as unknown as Translate
}

const zh = translator('zh-CN')
const en = translator('en')

const names: AuditNames = {
  usersById: new Map([['u-1', '管理员']]),
  usersByUsername: new Map([
    ['admin', '管理员'],
    ['bob', 'bob'],
  ]),
  stations: new Map([['s-1', '前台 1']]),
}

const actor = (actorKind: AuditActorKind, actorName: string, actorId: string | null = null) => ({
  actorKind,
  actorName,
  actorId,
})

describe('describeActor', () => {
  it('names the cashier itself, the demo set-up, the command line and a tablet in words', () => {
    expect(describeActor(actor('system', 'system'), names, zh).main).toBe('系统')
    expect(describeActor(actor('seed', 'seed'), names, zh).main).toBe('演示数据')
    expect(describeActor(actor('cli', 'cli'), names, zh).main).toBe('命令行工具')
    expect(describeActor(actor('display', 'display'), names, zh).main).toBe('顾客屏幕')
    expect(describeActor(actor('system', 'system'), names, en).main).toBe('System')
    expect(describeActor(actor('seed', 'seed'), names, en)).toEqual({
      main: 'Demo data',
      sub: null,
      title: null,
      href: null,
    })
  })

  it('goes by the recorded kind: a sign-in typed as "system" stays the typed name', () => {
    expect(describeActor(actor('sign-in', 'system'), names, zh)).toEqual({
      main: 'system',
      sub: '登录时输入的用户名',
      title: null,
      href: null,
    })
    expect(describeActor(actor('sign-in', 'seed'), names, en).main).toBe('seed')
    // A staff member whose username is "system" is that staff member, never the system.
    expect(describeActor(actor('user', 'system', 'u-2'), names, zh).main).toBe('system')
  })

  it('shows a staff member by username, with today’s display name beside it', () => {
    expect(describeActor(actor('user', 'admin', 'u-1'), names, zh)).toMatchObject({
      main: 'admin',
      sub: '管理员',
    })
    expect(describeActor(actor('user', 'gone', 'u-9'), names, zh)).toMatchObject({
      main: 'gone',
      sub: null,
    })
  })
})

describe('describeTarget', () => {
  const target = (t: string | null, detail: unknown = null) => ({ target: t, detail })

  it('names a staff member by display name, the username beside it, linked to their row', () => {
    expect(describeTarget(target('user:admin'), names, zh)).toEqual({
      main: '员工 管理员',
      sub: 'admin',
      title: null,
      href: '/admin/users#user-admin',
    })
    expect(describeTarget(target('user:admin'), names, en)?.main).toBe('Staff 管理员')
    // Display name equal to the username: said once.
    expect(describeTarget(target('user:bob'), names, zh)).toMatchObject({
      main: '员工 bob',
      sub: null,
    })
    expect(describeTarget(target('user:carol'), names, zh)).toMatchObject({
      main: '员工 carol',
      href: null,
    })
  })

  it('names a station by its current name, its id in the tooltip; a removed one still reads', () => {
    expect(describeTarget(target('station:s-1'), names, zh)).toEqual({
      main: '收银台 前台 1',
      sub: null,
      title: '编号：s-1',
      href: '/admin/stations#station-s-1',
    })
    expect(describeTarget(target('station:gone-id'), names, zh)).toEqual({
      main: '已删除的收银台',
      sub: null,
      title: '编号：gone-id',
      href: null,
    })
    expect(describeTarget(target('station:gone-id'), names, en)?.main).toBe('A removed station')
  })

  it('names a charge by its bill when the entry recorded it, linked to the charge', () => {
    expect(describeTarget(target('charge:c-1', { bill: 'B-42' }), names, zh)).toEqual({
      main: '单号 B-42 的收款',
      sub: null,
      title: '编号：c-1',
      href: '/charges/c-1',
    })
    expect(describeTarget(target('charge:c-1'), names, en)?.main).toBe('A charge')
  })

  it('names the shop settings, shows no target as none and an unknown form as recorded', () => {
    expect(describeTarget(target('settings'), names, zh)).toMatchObject({
      main: '店铺设置',
      href: '/admin/settings',
    })
    expect(describeTarget(target(null), names, zh)).toBeNull()
    expect(describeTarget(target('batch:7'), names, zh)?.main).toBe('batch:7')
    expect(describeTarget(target('station:'), names, zh)?.main).toBe('station:')
  })

  it('leaves no raw key in the words of either language', () => {
    for (const t of [zh, en]) {
      for (const raw of ['user:admin', 'station:s-1', 'station:gone-id', 'settings']) {
        expect(describeTarget(target(raw), names, t)?.main).not.toMatch(
          /^(user|station):|^settings$/,
        )
      }
    }
  })
})

describe('describeRecordedBy', () => {
  it('names a user by id, a tool by its fixed name, and nothing it does not know', () => {
    expect(describeRecordedBy('u-1', names, zh)).toBe('管理员')
    expect(describeRecordedBy('cli', names, zh)).toBe('命令行工具')
    expect(describeRecordedBy('cli', names, en)).toBe('Command line')
    expect(describeRecordedBy('u-gone', names, zh)).toBeNull()
  })
})
