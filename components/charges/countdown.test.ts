import { expect, it } from 'vitest'
import { formatSeconds, secondsLeft } from './countdown'

it.each([
  [10_000, 0, 10],
  [10_001, 0, 11],
  [10_000, 9_001, 1],
  [10_000, 10_000, 0],
  [10_000, 60_000, 0],
])('deadline %s at %s leaves %s s', (deadline, now, left) => {
  expect(secondsLeft(deadline, now)).toBe(left)
})

it.each([
  [0, '0:00'],
  [5, '0:05'],
  [245, '4:05'],
  [600, '10:00'],
])('%s s reads %s', (total, text) => {
  expect(formatSeconds(total)).toBe(text)
})
