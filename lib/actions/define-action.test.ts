import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

// The permission check needs a session; here it always lets the admin in.
vi.mock('@/lib/auth/session', () => ({
  checkAccess: vi.fn(async () => ({
    ok: true,
    user: { id: 'u1', username: 'admin', displayName: 'Admin', role: 'admin' },
  })),
}))

// Next's refresh() needs a server action's request; here it only counts the pages re-rendered.
const refreshed = vi.hoisted(() => ({ count: 0 }))
vi.mock('next/cache', () => ({ refresh: () => void (refreshed.count += 1) }))

const { defineAction, staleRefusal } = await import('./define-action')

const action = defineAction({
  schema: z.object({ username: z.string().min(3), password: z.string().min(8) }),
  permission: 'users:manage',
  handler: async (input) => ({ status: 'ok', data: input }),
})

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.append(k, v)
  return data
}

describe('defineAction', () => {
  it('hands the password to the schema and the handler', async () => {
    const state = await action(
      { status: 'idle' },
      form({ username: 'bob', password: 'long-enough' }),
    )
    expect(state).toEqual({ status: 'ok', data: { username: 'bob', password: 'long-enough' } })
  })

  it('never echoes a password back, even when the input is refused', async () => {
    const state = await action({ status: 'idle' }, form({ username: 'x', password: 'long-enough' }))
    expect(state).toMatchObject({
      status: 'error',
      error: 'invalid-input',
      values: { username: 'x' },
    })
    expect(JSON.stringify(state)).not.toContain('long-enough')
  })

  it('re-renders the page for a refusal because it is stale, and only for that', async () => {
    const refusing = (stale: boolean) =>
      defineAction({
        schema: z.object({ id: z.string() }),
        permission: 'charges:recheck',
        handler: async () =>
          stale ? staleRefusal('ended', { status: 'refunded' }) : { status: 'error', error: 'x' },
      })
    refreshed.count = 0
    expect(await refusing(false)({ status: 'idle' }, form({ id: '1' }))).toEqual({
      status: 'error',
      error: 'x',
      values: { id: '1' },
    })
    expect(await refusing(false)({ status: 'idle' }, form({}))).toMatchObject({
      error: 'invalid-input',
    })
    expect(refreshed.count).toBe(0)
    expect(await refusing(true)({ status: 'idle' }, form({ id: '1' }))).toEqual({
      status: 'error',
      error: 'ended',
      stale: { status: 'refunded' },
      values: { id: '1' },
    })
    expect(refreshed.count).toBe(1)
  })
})
