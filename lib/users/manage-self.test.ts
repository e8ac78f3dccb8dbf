import { afterAll, beforeAll, expect, it } from 'vitest'
import { listAudit } from '@/lib/audit/repo'
import { CLI_ACTOR, type AuditActor } from '@/lib/audit/types'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { addUser, changeUserRole, setUserEnabled } from './manage'
import * as repo from './repo'

/*
 * A signed-in admin cannot disable their own account or change their own role, even with another
 * admin enabled (so the last-admin rule is not what refuses it); another admin, and the CLI, can.
 */

describeDialects('an admin and their own account', (target) => {
  let t: TestDatabase
  let ann: AuditActor
  let bea: AuditActor
  const opts = () => ({ db: t.db, bcryptCost: 4 })
  const stored = async (username: string) => (await repo.findUserByUsername(username, t.db))!
  const auditFor = async (username: string) =>
    (await listAudit({ limit: 100 }, t.db)).entries
      .filter((e) => e.target === `user:${username}`)
      .map((e) => e.action)

  beforeAll(async () => {
    t = await target.open()
    const add = (username: string) =>
      addUser({ username, password: 'secret123', role: 'admin' }, CLI_ACTOR, opts())
    const [a, b] = [await add('ann'), await add('bea')]
    ann = { kind: 'user', id: a.id, name: a.username }
    bea = { kind: 'user', id: b.id, name: b.username }
  })
  afterAll(() => t.close())

  it('refuses disabling yourself and changing your own role, and changes nothing', async () => {
    expect(await repo.countEnabledAdmins(t.db)).toBe(2)
    await expect(setUserEnabled('ann', false, ann, opts())).rejects.toMatchObject({
      code: 'self_disable',
    })
    for (const role of ['manager', 'cashier'] as const) {
      await expect(changeUserRole('ann', role, ann, opts())).rejects.toMatchObject({
        code: 'self_role',
      })
    }
    expect(await stored('ann')).toMatchObject({ role: 'admin', disabled: false, sessionVersion: 0 })
    expect(await auditFor('ann')).toEqual(['user.create'])
    // Keeping your own role, or enabling an enabled account, is no change and no refusal.
    expect((await changeUserRole('ann', 'admin', ann, opts())).role).toBe('admin')
    expect((await setUserEnabled('ann', true, ann, opts())).disabled).toBe(false)
  })

  it('lets another admin, and the CLI, do what the admin may not do to themself', async () => {
    expect((await changeUserRole('ann', 'manager', bea, opts())).role).toBe('manager')
    expect((await changeUserRole('ann', 'admin', CLI_ACTOR, opts())).role).toBe('admin')
    expect((await setUserEnabled('ann', false, bea, opts())).disabled).toBe(true)
    expect((await setUserEnabled('ann', true, CLI_ACTOR, opts())).disabled).toBe(false)
    expect(await auditFor('ann')).toEqual([
      'user.enable',
      'user.disable',
      'user.role',
      'user.role',
      'user.create',
    ])
  })

  it('says "your own account" before "the last admin" when both hold', async () => {
    await setUserEnabled('ann', false, bea, opts())
    expect(await repo.countEnabledAdmins(t.db)).toBe(1)
    await expect(setUserEnabled('bea', false, bea, opts())).rejects.toMatchObject({
      code: 'self_disable',
    })
    await expect(changeUserRole('bea', 'cashier', bea, opts())).rejects.toMatchObject({
      code: 'self_role',
    })
    // The CLI has no self: the last-admin rule is what stops it.
    await expect(setUserEnabled('bea', false, CLI_ACTOR, opts())).rejects.toMatchObject({
      code: 'last_admin',
    })
    expect(await stored('bea')).toMatchObject({ role: 'admin', disabled: false })
  })
})
