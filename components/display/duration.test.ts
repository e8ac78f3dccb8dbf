import { expect, it } from 'vitest'
import { durationParts } from './duration'

it.each([
  [0, 'seconds', 0],
  [40.9, 'seconds', 40],
  [59, 'seconds', 59],
  [60, 'minutes', 1],
  [3599, 'minutes', 59],
  [3600, 'hours', 1],
  [86_399, 'hours', 23],
  [172_800, 'days', 2],
  [-5, 'seconds', 0],
])('%s s reads as %s %s', (sec, unit, n) => {
  expect(durationParts(sec)).toEqual({ unit, n })
})
