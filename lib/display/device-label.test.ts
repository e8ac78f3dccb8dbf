import { describe, expect, it } from 'vitest'
import { deviceLabel } from './device-label'

describe('a new tablet’s default name', () => {
  it.each([
    [
      'Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
      'iPad · Safari #abcd',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'Android tablet · Chrome #abcd',
    ],
    [
      'Mozilla/5.0 (Linux; Android 12; HarmonyOS; BAH3-W09) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0 HuaweiBrowser/13.0 Safari/537.36',
      'Android tablet · Huawei Browser #abcd',
    ],
    ['curl/8.0', 'Browser #abcd'],
    [null, 'Browser #abcd'],
  ])('%s', (ua, name) => {
    expect(deviceLabel(ua, 'abcdef-0123')).toBe(name)
  })
})
