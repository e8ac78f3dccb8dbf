import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { passwordSchema, roleSchema, usernameSchema } from '@/lib/users/schemas'
import { checkedBy, optionalCheckedBy } from './checked-by'

const form = z.object({
  username: checkedBy(usernameSchema),
  role: checkedBy(roleSchema),
  password: checkedBy(passwordSchema),
  note: optionalCheckedBy(z.string().trim().max(3)),
})

function errors(values: Record<string, string>) {
  const r = form.safeParse(values)
  return r.success ? {} : z.flattenError(r.error).fieldErrors
}

describe('checkedBy', () => {
  it('passes the domain schema output through', () => {
    const r = form.parse({ username: ' Bob ', role: 'manager', password: '12345678' })
    expect(r).toEqual({ username: 'bob', role: 'manager', password: '12345678', note: undefined })
  })

  it('reports the first failing issue code per field', () => {
    expect(errors({ username: 'x', role: 'boss', password: 'short', note: 'long' })).toEqual({
      username: ['too_small'],
      role: ['invalid_value'],
      password: ['too_small'],
      note: ['too_big'],
    })
    expect(errors({ username: 'bad name', role: 'admin', password: '12345678' })).toEqual({
      username: ['invalid_format'],
    })
  })

  it('reads an absent required field as missing and a blank optional one as unset', () => {
    expect(errors({ role: 'admin', password: '12345678' })).toEqual({ username: ['missing'] })
    expect(
      form.parse({ username: 'bob', role: 'admin', password: '12345678', note: '  ' }).note,
    ).toBe(undefined)
  })
})
